//! HTTP tests of the whole application, in-process (`tower::ServiceExt::oneshot`), each with
//! a fresh database. Tests that touch the store run on SQLite and, when
//! `NABOSKAB_TEST_POSTGRES_URL` is set, on PostgreSQL too.

mod accounts;
mod api;
mod authz;
mod find;
mod gather;
mod grant_documents;
mod grant_printing;
mod grants;
mod harden;
mod helpers;
mod i18n_pages;
mod impact;
mod join;
mod manage;
mod oidc;
mod outreach;
mod outreach_more;
mod partnerships;
mod robustness;
mod security;
mod surveys;
mod two_factor;
mod volunteers;
