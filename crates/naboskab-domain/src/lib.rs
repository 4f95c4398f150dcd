//! Pure Naboskab logic: roles and organisation kinds, the permission policy, password and
//! e-mail rules. Nothing here does I/O or knows about HTTP or SQL; the store and web crates
//! call into it.

pub mod email;
pub mod gather;
pub mod geo;
pub mod offer;
pub mod org;
pub mod password;
pub mod policy;
pub mod reach;
pub mod role;
pub mod schedule;
pub mod search;

pub use org::OrgKind;
pub use policy::{Action, Actor, Decision, Membership, Resource};
pub use role::Role;
