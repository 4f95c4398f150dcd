//! One row of a query result, read by the column's name in the SELECT list, never by its
//! position: a decoder names what it reads, so adding or reordering columns cannot shift a
//! value into the wrong field. An expression needs an `AS` alias (the engines name
//! `COUNT(*)` differently); a plain column reference such as `o.title` is `title` on both.

use crate::error::StoreError;
use std::sync::Arc;

/// One column value as read back.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// NULL.
    Null,
    /// Any integer (and booleans on PostgreSQL, as 0/1).
    Int(i64),
    /// Any floating-point number.
    Real(f64),
    /// Text.
    Text(String),
    /// Bytes.
    Blob(Vec<u8>),
}

/// The column names of one result, in SELECT order, with the names that occur more than once
/// found when the result is read (not on every lookup). Shared by all its rows.
#[derive(Debug, PartialEq)]
pub struct Columns {
    names: Box<[Box<str>]>,
    repeated: Box<[Box<str>]>,
}

impl Columns {
    /// The columns of a result, in SELECT order.
    pub fn new(names: impl IntoIterator<Item = Box<str>>) -> Columns {
        let names: Box<[Box<str>]> = names.into_iter().collect();
        let mut repeated: Vec<Box<str>> = Vec::new();
        for (i, n) in names.iter().enumerate() {
            if names[..i].contains(n) && !repeated.contains(n) {
                repeated.push(n.clone());
            }
        }
        Columns {
            names,
            repeated: repeated.into(),
        }
    }

    /// Where `c` stands; an error when no column or more than one has that name.
    fn position(&self, c: &str) -> Result<usize, StoreError> {
        if !self.repeated.is_empty() && self.repeated.iter().any(|n| &**n == c) {
            return Err(StoreError::Decode(format!(
                "column {c} is ambiguous: name each with AS"
            )));
        }
        self.names
            .iter()
            .position(|n| &**n == c)
            .ok_or_else(|| StoreError::Decode(format!("no column {c}")))
    }
}

/// The shared column names of one result.
pub type ColumnNames = Arc<Columns>;

/// One row of a result: its cells under their column names.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    names: ColumnNames,
    cells: Vec<Cell>,
}

impl Row {
    /// A row of `cells` under `names` (one name per cell).
    pub fn new(names: ColumnNames, cells: Vec<Cell>) -> Row {
        Row { names, cells }
    }

    /// The column names of this row's result.
    pub fn names(&self) -> &[Box<str>] {
        &self.names.names
    }

    fn cell(&self, c: &str) -> Result<&Cell, StoreError> {
        let i = self.names.position(c)?;
        self.cells
            .get(i)
            .ok_or_else(|| StoreError::Decode(format!("no cell for column {c}")))
    }

    /// An integer column.
    pub fn i64(&self, c: &str) -> Result<i64, StoreError> {
        self.opt_i64(c)?
            .ok_or_else(|| StoreError::Decode(format!("column {c} is NULL")))
    }

    /// A nullable integer column.
    pub fn opt_i64(&self, c: &str) -> Result<Option<i64>, StoreError> {
        match self.cell(c)? {
            Cell::Null => Ok(None),
            Cell::Int(v) => Ok(Some(*v)),
            other => Err(StoreError::Decode(format!(
                "column {c}: expected integer, got {other:?}"
            ))),
        }
    }

    /// A boolean column (BOOLEAN on PostgreSQL, 0/1 on SQLite).
    pub fn bool(&self, c: &str) -> Result<bool, StoreError> {
        Ok(self.i64(c)? != 0)
    }

    /// A floating-point column.
    pub fn f64(&self, c: &str) -> Result<f64, StoreError> {
        self.opt_f64(c)?
            .ok_or_else(|| StoreError::Decode(format!("column {c} is NULL")))
    }

    /// A nullable floating-point column.
    pub fn opt_f64(&self, c: &str) -> Result<Option<f64>, StoreError> {
        match self.cell(c)? {
            Cell::Null => Ok(None),
            Cell::Real(v) => Ok(Some(*v)),
            Cell::Int(v) => Ok(Some(*v as f64)),
            other => Err(StoreError::Decode(format!(
                "column {c}: expected number, got {other:?}"
            ))),
        }
    }

    /// A text column.
    pub fn string(&self, c: &str) -> Result<String, StoreError> {
        self.opt_string(c)?
            .ok_or_else(|| StoreError::Decode(format!("column {c} is NULL")))
    }

    /// A nullable text column.
    pub fn opt_string(&self, c: &str) -> Result<Option<String>, StoreError> {
        match self.cell(c)? {
            Cell::Null => Ok(None),
            Cell::Text(v) => Ok(Some(v.clone())),
            other => Err(StoreError::Decode(format!(
                "column {c}: expected text, got {other:?}"
            ))),
        }
    }
}

impl Row {
    /// A text column holding one of a closed set of stable names (a status, a kind), parsed
    /// with the type's own `parse`; a name the type does not know is a decode error.
    pub fn parsed<T>(&self, c: &str, parse: fn(&str) -> Option<T>) -> Result<T, StoreError> {
        let text = self.string(c)?;
        parse(&text)
            .ok_or_else(|| StoreError::Decode(format!("column {c}: unknown value {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(names: &[&str], cells: Vec<Cell>) -> Row {
        Row::new(
            Arc::new(Columns::new(names.iter().map(|n| Box::from(*n)))),
            cells,
        )
    }

    #[test]
    fn a_column_is_read_by_its_name_wherever_it_stands() {
        let r = row(
            &["id", "title", "price_ore"],
            vec![Cell::Int(7), Cell::Text("Madklub".into()), Cell::Null],
        );
        assert_eq!(r.string("title").expect("title"), "Madklub");
        assert_eq!(r.i64("id").expect("id"), 7);
        assert_eq!(r.opt_i64("price_ore").expect("price"), None);
        assert!(matches!(r.i64("price_ore"), Err(StoreError::Decode(_))));
        assert!(matches!(r.string("missing"), Err(StoreError::Decode(_))));
    }

    #[test]
    fn two_columns_of_one_name_are_refused_rather_than_guessed() {
        let r = row(&["id", "id"], vec![Cell::Int(1), Cell::Int(2)]);
        let Err(StoreError::Decode(why)) = r.i64("id") else {
            panic!("an ambiguous name must not pick one of the two");
        };
        assert!(why.contains("ambiguous"), "{why}");
    }

    #[test]
    fn only_the_repeated_name_is_ambiguous_the_others_still_read() {
        let r = row(
            &["id", "name", "id", "kind"],
            vec![
                Cell::Int(1),
                Cell::Text("Fælleshuset".into()),
                Cell::Int(2),
                Cell::Text("department".into()),
            ],
        );
        assert!(matches!(r.i64("id"), Err(StoreError::Decode(_))));
        assert_eq!(r.string("name").expect("name"), "Fælleshuset");
        assert_eq!(r.string("kind").expect("kind"), "department");
    }
}
