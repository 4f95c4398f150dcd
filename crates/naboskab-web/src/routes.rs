//! Every route, in one table. The router is built from it and the authorization-matrix test
//! enumerates it, so a route cannot be added without appearing in the matrix.

use crate::api;
use crate::pages::{
    account, admin, auth, calendar, feeds, grant_applications, grant_documents, grant_printing,
    grant_reports, grant_reviews, grants, impact, join, lonely, manage, offers, oidc, ops,
    outreach, outreach_counts, outreach_inspect, partnerships, public, room_admin, rooms, schedule,
    survey_answer, surveys, two_factor, volunteer_hours, volunteers,
};
use crate::state::AppState;
use axum::routing::{MethodRouter, delete, get, post};

/// One route.
pub struct RouteDef {
    /// HTTP method.
    pub method: &'static str,
    /// Path pattern in axum syntax.
    pub path: &'static str,
    /// Handler.
    pub handler: MethodRouter<AppState>,
}

fn r(method: &'static str, path: &'static str, handler: MethodRouter<AppState>) -> RouteDef {
    RouteDef {
        method,
        path,
        handler,
    }
}

/// Routes that pass through the request context (identity, language, CSRF).
pub fn app_routes() -> Vec<RouteDef> {
    vec![
        r("GET", "/", get(public::home)),
        r("GET", "/about", get(public::about)),
        r("GET", "/survey", get(survey_answer::show)),
        r("POST", "/survey", post(survey_answer::submit)),
        r("GET", "/surveys", get(surveys::list)),
        r("POST", "/surveys", post(surveys::create)),
        r("GET", "/surveys/{id}", get(surveys::show)),
        r("POST", "/surveys/{id}/codes", post(surveys::codes)),
        r("POST", "/surveys/{id}/letters", post(surveys::letters)),
        r("GET", "/impact", get(impact::places)),
        r("GET", "/impact/{id}", get(impact::show)),
        r("GET", "/impact/{id}/export.csv", get(impact::csv)),
        r("GET", "/impact/{id}/export.xlsx", get(impact::xlsx)),
        r("GET", "/offers", get(offers::search_page)),
        r("GET", "/offers/{id}", get(offers::offer_page)),
        r("GET", "/offers/new", get(manage::new_form)),
        r("POST", "/offers/new", post(manage::create)),
        r("GET", "/offers/{id}/edit", get(manage::edit_form)),
        r("POST", "/offers/{id}/edit", post(manage::update)),
        r("POST", "/offers/{id}/archive", post(manage::archive)),
        r("POST", "/offers/{id}/approve", post(manage::approve)),
        r("GET", "/manage/offers", get(manage::overview)),
        r("GET", "/calendar", get(calendar::week)),
        r("GET", "/calendar/month", get(calendar::month)),
        r("GET", "/occurrences/{id}", get(join::show)),
        r("POST", "/occurrences/{id}/signup", post(join::sign_up)),
        r(
            "GET",
            "/occurrences/{id}/event.ics",
            get(calendar::occurrence_file),
        ),
        r("GET", "/occurrences/{id}/attendance", get(join::attendance)),
        r(
            "POST",
            "/occurrences/{id}/attendance",
            post(join::mark_attendance),
        ),
        r("GET", "/signups/{token}", get(join::manage)),
        r("POST", "/signups/{token}/confirm", post(join::confirm)),
        r("POST", "/signups/{token}/cancel", post(join::cancel)),
        r(
            "GET",
            "/offers/{id}/calendar.ics",
            get(calendar::offer_feed),
        ),
        r(
            "GET",
            "/departments/{id}/calendar.ics",
            get(calendar::department_feed),
        ),
        r("GET", "/offers/{id}/schedule", get(schedule::show)),
        r("POST", "/offers/{id}/schedule", post(schedule::add)),
        r("GET", "/occurrences/{id}/edit", get(schedule::edit_form)),
        r("POST", "/occurrences/{id}/edit", post(schedule::edit)),
        r(
            "GET",
            "/departments/{id}/programme",
            get(calendar::programme),
        ),
        r(
            "POST",
            "/account/calendar",
            post(calendar::new_personal_feed),
        ),
        r("GET", "/calendar/feed/{file}", get(calendar::personal_feed)),
        r("GET", "/rooms", get(rooms::list)),
        r("GET", "/rooms/{id}", get(rooms::show)),
        r("POST", "/rooms/{id}/book", post(rooms::book)),
        r("GET", "/rooms/{id}/calendar.ics", get(rooms::feed)),
        r("GET", "/bookings/{id}", get(rooms::booking_page)),
        r("POST", "/bookings/{id}/decide", post(rooms::decide_request)),
        r("POST", "/bookings/{id}/cancel", post(rooms::cancel)),
        r(
            "POST",
            "/bookings/{id}/deposit",
            post(rooms::settle_deposit),
        ),
        r("GET", "/manage/bookings", get(rooms::overview)),
        r("GET", "/two-factor", get(two_factor::form)),
        r("POST", "/two-factor", post(two_factor::verify)),
        r("POST", "/two-factor/setup", post(two_factor::setup)),
        r(
            "POST",
            "/two-factor/setup-link",
            post(two_factor::send_setup_link),
        ),
        r("GET", "/outreach", get(outreach::caseload)),
        r("GET", "/outreach/funnel", get(outreach_counts::funnel)),
        r("GET", "/outreach/inspect", get(outreach_inspect::form)),
        r("POST", "/outreach/inspect", post(outreach_inspect::inspect)),
        r("GET", "/outreach/contacts/new", get(outreach::new_form)),
        r("POST", "/outreach/contacts", post(outreach::create)),
        r("GET", "/outreach/contacts/{id}", get(outreach::show)),
        r(
            "GET",
            "/outreach/contacts/{id}/edit",
            get(outreach::edit_form),
        ),
        r(
            "POST",
            "/outreach/contacts/{id}/edit",
            post(outreach::update),
        ),
        r(
            "POST",
            "/outreach/contacts/{id}/log",
            post(outreach::add_log),
        ),
        r(
            "POST",
            "/outreach/contacts/{id}/followups",
            post(outreach::add_followup),
        ),
        r(
            "POST",
            "/outreach/contacts/{id}/followups/{followup}/done",
            post(outreach::followup_done),
        ),
        r(
            "POST",
            "/outreach/contacts/{id}/consents",
            post(outreach::give_consent),
        ),
        r(
            "POST",
            "/outreach/contacts/{id}/consents/withdraw",
            post(outreach::withdraw_consent),
        ),
        r(
            "POST",
            "/outreach/contacts/{id}/erase",
            post(outreach::erase),
        ),
        r(
            "POST",
            "/outreach/contacts/{id}/referrals",
            post(outreach::refer),
        ),
        r(
            "POST",
            "/outreach/contacts/{id}/referrals/{referral}/answer",
            post(outreach::answer),
        ),
        r(
            "GET",
            "/outreach/contacts/{id}/export",
            get(outreach::export_page),
        ),
        r(
            "GET",
            "/outreach/contacts/{id}/export.json",
            get(outreach::export_json),
        ),
        r(
            "GET",
            "/rooms/{id}/settings",
            get(room_admin::settings_form),
        ),
        r(
            "POST",
            "/rooms/{id}/settings",
            post(room_admin::save_settings),
        ),
        r(
            "POST",
            "/departments/{id}/rooms",
            post(room_admin::create_room),
        ),
        r(
            "GET",
            "/departments/{id}/bookings.csv",
            get(room_admin::export_csv),
        ),
        r(
            "GET",
            "/departments/{id}/bookings.xlsx",
            get(room_admin::export_xlsx),
        ),
        r(
            "GET",
            "/departments/{id}/room-use",
            get(room_admin::room_use),
        ),
        r("GET", "/ensom", get(lonely::show)),
        r("POST", "/ensom", post(lonely::contact)),
        r("GET", "/municipalities", get(public::municipalities)),
        r("GET", "/municipalities/{code}", get(public::municipality)),
        r("GET", "/departments/{id}", get(public::department)),
        r(
            "GET",
            "/departments/{id}/feed.atom",
            get(feeds::department_feed),
        ),
        r(
            "GET",
            "/municipalities/{code}/feed.atom",
            get(feeds::municipality_feed),
        ),
        r("GET", "/organisations/{id}", get(public::organisation)),
        r("GET", "/organisations/{id}/members", get(admin::members)),
        r(
            "GET",
            "/organisations/{id}/volunteers",
            get(volunteer_hours::year_page),
        ),
        r(
            "GET",
            "/organisations/{id}/volunteers.csv",
            get(volunteer_hours::year_csv),
        ),
        r(
            "POST",
            "/organisations/{id}/members",
            post(admin::change_member),
        ),
        r(
            "POST",
            "/organisations/{id}/members/confirm",
            post(admin::confirm_member),
        ),
        r(
            "POST",
            "/organisations/{id}/approval",
            post(admin::set_approval),
        ),
        r("GET", "/admin", get(admin::overview)),
        r("GET", "/admin/helplines", get(admin::helplines)),
        r("POST", "/admin/helplines", post(admin::add_helpline)),
        r(
            "POST",
            "/admin/helplines/{id}",
            post(admin::change_helpline),
        ),
        r(
            "POST",
            "/offers/{id}/volunteer",
            post(volunteers::offer_help),
        ),
        r("GET", "/offers/{id}/volunteers", get(volunteers::roster)),
        r(
            "POST",
            "/offers/{id}/volunteers/wanted",
            post(volunteers::set_wanted),
        ),
        r(
            "POST",
            "/offers/{id}/volunteers/{volunteer}",
            post(volunteers::act),
        ),
        r("GET", "/partnerships", get(partnerships::index)),
        r("GET", "/partnerships/new", get(partnerships::new_form)),
        r("POST", "/partnerships/new", post(partnerships::create)),
        r("GET", "/partnerships/{id}", get(partnerships::show)),
        r(
            "GET",
            "/partnerships/{id}/edit",
            get(partnerships::edit_form),
        ),
        r(
            "POST",
            "/partnerships/{id}/edit",
            post(partnerships::update),
        ),
        r(
            "POST",
            "/partnerships/{id}/answer",
            post(partnerships::answer),
        ),
        r("POST", "/partnerships/{id}/end", post(partnerships::end)),
        r("GET", "/grants", get(grants::index)),
        r("GET", "/grants/calls/new", get(grants::new_call_form)),
        r("POST", "/grants/calls/new", post(grants::create_call)),
        r("GET", "/grants/calls/{id}", get(grants::call)),
        r(
            "GET",
            "/grants/calls/{id}/edit",
            get(grants::edit_call_form),
        ),
        r("POST", "/grants/calls/{id}/edit", post(grants::update_call)),
        r(
            "GET",
            "/grants/calls/{id}/apply",
            get(grant_applications::new_form),
        ),
        r(
            "POST",
            "/grants/calls/{id}/apply",
            post(grant_applications::create),
        ),
        r(
            "GET",
            "/grants/calls/{id}/applications",
            get(grant_reviews::review),
        ),
        r(
            "GET",
            "/grants/calls/{id}/applications.csv",
            get(grant_reviews::export_csv),
        ),
        r(
            "GET",
            "/grants/calls/{id}/applications.xlsx",
            get(grant_reviews::export_xlsx),
        ),
        r(
            "GET",
            "/grants/applications/{id}",
            get(grant_applications::show),
        ),
        r(
            "GET",
            "/grants/applications/{id}/edit",
            get(grant_applications::edit_form),
        ),
        r(
            "POST",
            "/grants/applications/{id}/edit",
            post(grant_applications::update),
        ),
        r(
            "POST",
            "/grants/applications/{id}/review",
            post(grant_reviews::review_application),
        ),
        r(
            "POST",
            "/grants/applications/{id}/decide",
            post(grant_applications::decide),
        ),
        r(
            "POST",
            "/grants/applications/{id}/documents",
            post(grant_documents::attach),
        ),
        r(
            "GET",
            "/grants/applications/{id}/documents/{document}",
            get(grant_documents::download),
        ),
        r(
            "POST",
            "/grants/applications/{id}/documents/{document}/remove",
            post(grant_documents::remove),
        ),
        r(
            "GET",
            "/grants/applications/{id}/application.pdf",
            get(grant_printing::application_pdf),
        ),
        r(
            "GET",
            "/grants/applications/{id}/decision.pdf",
            get(grant_printing::decision_pdf),
        ),
        r(
            "GET",
            "/grants/applications/{id}/report",
            get(grant_reports::form),
        ),
        r(
            "POST",
            "/grants/applications/{id}/report",
            post(grant_reports::report),
        ),
        r("GET", "/login", get(auth::login_form)),
        r("POST", "/login", post(auth::login_submit)),
        r("POST", "/logout", post(auth::logout)),
        r("GET", "/register", get(auth::register_form)),
        r("POST", "/register", post(auth::register_submit)),
        r("GET", "/verify-email", get(auth::verify_form)),
        r("POST", "/verify-email", post(auth::verify_submit)),
        r("GET", "/password/forgot", get(auth::forgot_form)),
        r("POST", "/password/forgot", post(auth::forgot_submit)),
        r("GET", "/password/reset", get(auth::reset_form)),
        r("POST", "/password/reset", post(auth::reset_submit)),
        r("GET", "/auth/oidc/start", get(oidc::start)),
        r("GET", "/auth/oidc/callback", get(oidc::callback)),
        r("GET", "/account", get(account::show)),
        r("POST", "/account/password", post(account::change_password)),
        r(
            "POST",
            "/account/logout-everywhere",
            post(account::logout_everywhere),
        ),
        r("POST", "/account/tokens", post(account::create_token)),
        r(
            "POST",
            "/account/tokens/{id}/revoke",
            post(account::revoke_token),
        ),
        r(
            "POST",
            "/account/verify-email",
            post(account::resend_verification),
        ),
        r("GET", "/demo/outbox", get(ops::demo_outbox)),
        r("GET", "/api/v1/openapi.json", get(api::openapi_json)),
        r("GET", "/api/v1/me", get(api::me)),
        r(
            "GET",
            "/api/v1/municipalities",
            get(api::orgs::list_municipalities),
        ),
        r("GET", "/api/v1/grants/calls", get(api::grants::list_calls)),
        r(
            "GET",
            "/api/v1/partnerships",
            get(api::partnerships::list_partnerships),
        ),
        r(
            "GET",
            "/api/v1/volunteering/alerts",
            get(api::volunteering::alerts),
        ),
        r(
            "GET",
            "/api/v1/surveys/rounds",
            get(api::surveys::list_rounds),
        ),
        r(
            "POST",
            "/api/v1/surveys/rounds",
            post(api::surveys::create_round),
        ),
        r(
            "GET",
            "/api/v1/surveys/rounds/{id}/report",
            get(api::surveys::get_report),
        ),
        r(
            "POST",
            "/api/v1/surveys/answers",
            post(api::surveys::submit_answer),
        ),
        r(
            "POST",
            "/api/v1/grants/applications",
            post(api::grants::create_application),
        ),
        r(
            "GET",
            "/api/v1/grants/applications/{id}",
            get(api::grants::get_application),
        ),
        r(
            "POST",
            "/api/v1/grants/applications/{id}/documents",
            post(api::grants::attach_document),
        ),
        r(
            "DELETE",
            "/api/v1/grants/applications/{id}/documents/{document}",
            delete(api::grants::remove_document),
        ),
        r(
            "POST",
            "/api/v1/grants/applications/{id}/submit",
            post(api::grants::submit_application),
        ),
        r(
            "GET",
            "/api/v1/municipalities/{code}",
            get(api::orgs::get_municipality),
        ),
        r(
            "GET",
            "/api/v1/organisations",
            get(api::orgs::list_organisations),
        ),
        r(
            "GET",
            "/api/v1/organisations/{id}",
            get(api::orgs::get_organisation),
        ),
        r("GET", "/api/v1/offers", get(api::offers::list_offers)),
        r("GET", "/api/hsds/", get(api::hsds::root)),
        r("GET", "/api/hsds/services", get(api::hsds::services)),
        r(
            "GET",
            "/api/hsds/services/{id}",
            get(api::hsds::service_by_id),
        ),
        r(
            "GET",
            "/api/hsds/organizations",
            get(api::hsds::organizations),
        ),
        r(
            "GET",
            "/api/hsds/organizations/{id}",
            get(api::hsds::organization_by_id),
        ),
        r("GET", "/api/hsds/locations", get(api::hsds::locations)),
        r(
            "GET",
            "/api/hsds/locations/{id}",
            get(api::hsds::location_by_id),
        ),
        r(
            "GET",
            "/api/hsds/service_at_locations",
            get(api::hsds::service_at_locations),
        ),
        r(
            "GET",
            "/api/hsds/service_at_locations/{id}",
            get(api::hsds::service_at_location_by_id),
        ),
        r("GET", "/api/v1/offers/{id}", get(api::offers::get_offer)),
        r(
            "GET",
            "/api/v1/occurrences",
            get(api::occurrences::list_occurrences),
        ),
        r(
            "POST",
            "/api/v1/occurrences/{id}/signups",
            post(api::occurrences::create_signup),
        ),
        r("GET", "/api/v1/rooms", get(api::rooms::list_rooms)),
        r(
            "GET",
            "/api/v1/rooms/{id}/availability",
            get(api::rooms::availability),
        ),
        r("POST", "/api/v1/bookings", post(api::rooms::create_booking)),
        r("GET", "/api/v1/bookings/{id}", get(api::rooms::get_booking)),
        r(
            "GET",
            "/api/v1/outreach/contacts",
            get(api::outreach::list_contacts),
        ),
        r(
            "POST",
            "/api/v1/outreach/contacts",
            post(api::outreach::create_contact),
        ),
        r(
            "GET",
            "/api/v1/outreach/contacts/{id}",
            get(api::outreach::get_contact),
        ),
        r(
            "DELETE",
            "/api/v1/outreach/contacts/{id}",
            delete(api::outreach::delete_contact),
        ),
        r(
            "GET",
            "/api/v1/outreach/contacts/{id}/suggestions",
            get(api::outreach::list_suggestions),
        ),
        r(
            "GET",
            "/api/v1/outreach/contacts/{id}/referrals",
            get(api::outreach::list_referrals),
        ),
        r(
            "POST",
            "/api/v1/outreach/contacts/{id}/referrals",
            post(api::outreach::create_referral),
        ),
        r(
            "GET",
            "/api/v1/outreach/contacts/{id}/export",
            get(api::outreach::export),
        ),
    ]
}

/// Routes that need no identity, language or database session: health, metrics, assets.
pub fn bare_routes() -> Vec<RouteDef> {
    vec![
        r("GET", "/healthz", get(ops::healthz)),
        r("GET", "/readyz", get(ops::readyz)),
        r("GET", "/metrics", get(ops::metrics)),
        r("GET", "/static/{file}", get(ops::static_file)),
    ]
}
