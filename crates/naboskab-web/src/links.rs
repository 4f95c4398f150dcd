//! Addresses of the public pages, for links from pages, the API and messages alike (so an
//! address is written in one place).

use naboskab_domain::OrgKind;
use naboskab_store::orgs::Organisation;

/// The public page of an organisation.
pub fn org_href(o: &Organisation) -> String {
    match o.kind {
        OrgKind::Department => format!("/departments/{}", o.id),
        OrgKind::Municipality => format!(
            "/municipalities/{}",
            o.municipality_code.clone().unwrap_or_default()
        ),
        _ => format!("/organisations/{}", o.id),
    }
}
