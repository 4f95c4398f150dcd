//! Pure Naboskab logic: roles and organisation kinds, the permission policy, password and
//! e-mail rules. Nothing here does I/O or knows about HTTP or SQL; the store and web crates
//! call into it.

/// A closed set of named values with a stable name for the database, forms and Fluent keys.
macro_rules! named {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every value, in the order forms show them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Every stable name, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($text,)+];

            /// Stable name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// Parses the stable name.
            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod documents;
pub mod email;
pub mod gather;
pub mod geo;
pub mod grants;
pub mod join;
pub mod offer;
pub mod org;
pub mod password;
pub mod policy;
pub mod reach;
pub mod role;
pub mod schedule;
pub mod search;
pub mod survey;
pub mod volunteering;

pub use org::OrgKind;
pub use policy::{Action, Actor, Decision, Membership, Resource};
pub use role::Role;
