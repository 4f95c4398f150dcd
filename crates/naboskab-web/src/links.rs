//! Addresses of the public pages, for links from pages, the API and messages alike (so an
//! address is written in one place).

use naboskab_domain::OrgKind;
use naboskab_store::orgs::Organisation;

/// The public page of an organisation.
pub fn org_href(o: &Organisation) -> String {
    place_href(o.kind, o.id, o.municipality_code.as_deref())
}

/// The public page of the organisation `id` of `kind` (a municipality's is its code's).
pub fn place_href(kind: OrgKind, id: i64, municipality_code: Option<&str>) -> String {
    match kind {
        OrgKind::Department => format!("/departments/{id}"),
        OrgKind::Municipality => {
            format!("/municipalities/{}", municipality_code.unwrap_or_default())
        }
        _ => format!("/organisations/{id}"),
    }
}
