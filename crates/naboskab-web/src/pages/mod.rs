//! HTML pages, one module per area. Handlers parse input, ask the policy through
//! [`crate::context::Ctx::authorize`] or let the use case ask it, call one use case of
//! `naboskab_app` and render a template.

pub mod account;
pub mod admin;
pub mod auth;
pub mod calendar;
pub mod feeds;
pub mod grant_applications;
pub mod grant_documents;
pub mod grant_printing;
pub mod grant_reports;
pub mod grant_reviews;
pub mod grants;
pub mod impact;
pub mod join;
pub mod lonely;
pub mod manage;
pub mod offers;
pub mod oidc;
pub mod ops;
pub mod outreach;
pub mod outreach_counts;
pub mod outreach_inspect;
pub mod partnerships;
pub mod public;
pub mod room_admin;
pub mod rooms;
pub mod schedule;
pub mod survey_answer;
pub mod surveys;
pub mod two_factor;
pub mod volunteer_hours;
pub mod volunteers;
