//! House rules checked mechanically: every Rust module starts with a `//!` doc, request-path
//! code has no `unwrap()`, and SQL is never built with `format!` outside test helpers.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn workspace_sources() -> Vec<PathBuf> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![];
    for c in std::fs::read_dir(&crates).expect("crates").flatten() {
        for sub in ["src", "tests"] {
            let d = c.path().join(sub);
            if d.is_dir() {
                rust_files(&d, &mut files);
            }
        }
    }
    assert!(files.len() > 30, "found only {} files", files.len());
    files
}

#[test]
fn every_module_starts_with_a_doc_comment() {
    let missing: Vec<_> = workspace_sources()
        .into_iter()
        .filter(|p| {
            !std::fs::read_to_string(p)
                .unwrap_or_default()
                .starts_with("//!")
        })
        .collect();
    assert!(missing.is_empty(), "modules without a //! doc: {missing:?}");
}

#[test]
fn no_unwrap_outside_tests() {
    let mut offenders = vec![];
    for p in workspace_sources() {
        let s = p.to_string_lossy();
        if s.contains("/tests/") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        if code.contains(".unwrap()") {
            offenders.push(p);
        }
    }
    assert!(
        offenders.is_empty(),
        "unwrap() in non-test code: {offenders:?}"
    );
}

#[test]
fn sql_is_not_built_with_format() {
    let mut offenders = vec![];
    for p in workspace_sources()
        .into_iter()
        .filter(|p| !p.ends_with("tidy.rs"))
    {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        for line in text.lines() {
            let l = line.to_uppercase();
            if line.contains("format!(")
                && (l.contains("SELECT ")
                    || l.contains("INSERT ")
                    || l.contains("UPDATE ")
                    || l.contains("DELETE "))
            {
                offenders.push(format!("{}: {}", p.display(), line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "SQL built with format!: {offenders:?}"
    );
}
