//! Join: where a resident's sign-up for one occurrence stands. The store keeps the stable
//! names in SQL; everything above it reads this type.

named! {
    /// Where a sign-up stands.
    SignUpStatus {
        /// Has a place.
        Confirmed = "confirmed",
        /// Waiting for a place; promoted in order of arrival when one frees up.
        Waitlisted = "waitlisted",
        /// Cancelled by the resident or staff, or released unconfirmed.
        Cancelled = "cancelled",
    }
}
