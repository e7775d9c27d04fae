package org.civicledger.domain.bench;

import org.civicledger.domain.shared.InvalidField;

/** Where a bench stands (WGS 84). */
public record Location(double lat, double lon) {

    public Location {
        if (Double.isNaN(lat) || lat < -90 || lat > 90) {
            throw new InvalidField("location.lat", "must be a latitude from -90 to 90");
        }
        if (Double.isNaN(lon) || lon < -180 || lon > 180) {
            throw new InvalidField("location.lon", "must be a longitude from -180 to 180");
        }
    }
}
