//! Distances on the map: a bounding box for the database to filter on, and the exact
//! great-circle (haversine) distance computed here.

/// Earth's mean radius in metres.
const EARTH_M: f64 = 6_371_008.8;

/// How far "near" reaches, in metres: a resident's department and the offers shown as near
/// it (the front page, the page for the lonely) are at most this far apart.
pub const NEAR_M: f64 = 3_000.0;

/// Metres between two WGS 84 points.
pub fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_M * a.sqrt().asin()
}

/// `(min_lat, max_lat, min_lon, max_lon)` of a box holding every point within `radius_m`.
pub fn bounding_box(lat: f64, lon: f64, radius_m: f64) -> (f64, f64, f64, f64) {
    let dlat = (radius_m / EARTH_M).to_degrees();
    let dlon = dlat / lat.to_radians().cos().max(0.01);
    (lat - dlat, lat + dlat, lon - dlon, lon + dlon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taastrup_to_hedehusene() {
        // Nørreparken (Taastrup) to Engbo (Hedehusene): about 6.6 km as the crow flies.
        let d = distance_m(55.6555, 12.2960, 55.6470, 12.1960);
        assert!((6_200.0..7_000.0).contains(&d), "{d}");
        assert!(distance_m(55.0, 12.0, 55.0, 12.0) < 0.001);
    }

    #[test]
    fn box_contains_the_circle() {
        let (a, b, c, d) = bounding_box(55.65, 12.29, 1000.0);
        assert!(distance_m(55.65, 12.29, b, 12.29) >= 999.0);
        assert!(distance_m(55.65, 12.29, 55.65, d) >= 999.0);
        assert!(a < 55.65 && c < 12.29);
    }
}
