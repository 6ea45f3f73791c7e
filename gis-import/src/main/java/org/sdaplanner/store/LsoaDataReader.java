package org.sdaplanner.store;

import org.sdaplanner.core.profile.LsoaData;
import org.sdaplanner.core.profile.VintageBridge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the imported per-LSOA tables for profiles, on LSOA 2021 codes: tables of the 2011
 * vintage are carried over through the ONS lookup ({@link VintageBridge}).
 */
public final class LsoaDataReader {
    /** Dataset of GP registered patients per LSOA (field {@code patients}), from the registrations. */
    public static final String REGISTERED = "registered";

    private final SpatialStore store;

    public LsoaDataReader(SpatialStore store) {
        this.store = store;
    }

    /**
     * @param datasets2011 datasets whose LSOA codes are of the 2011 vintage
     * @param nonAdditive  "dataset|field" keys of values that must not be shared out (ranks, classes)
     */
    public LsoaData read(Set<String> datasets2011, Set<String> nonAdditive) {
        try (Connection c = store.connect()) {
            Map<String, Long> residents = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT lsoa_code, residents FROM lsoa_population");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    residents.put(rs.getString(1), rs.getLong(2));
                }
            }
            List<VintageBridge.Link> links = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT lsoa11_code, lsoa21_code FROM lsoa_lookup ORDER BY lsoa11_code, lsoa21_code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.add(new VintageBridge.Link(rs.getString(1), rs.getString(2)));
                }
            }
            VintageBridge bridge = new VintageBridge(links, residents);
            LsoaData.Builder b = LsoaData.builder(residents);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT dataset, lsoa_code, field, num_value, text_value FROM lsoa_value ORDER BY dataset, lsoa_code, field");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dataset = rs.getString(1);
                    String lsoa = rs.getString(2);
                    String field = rs.getString(3);
                    double num = rs.getDouble(4);
                    Object value = rs.wasNull() ? rs.getString(5) : (Object) num;
                    if (value == null) {
                        continue;
                    }
                    if (datasets2011.contains(dataset)) {
                        bridge.add(b, dataset, lsoa, field, value, !nonAdditive.contains(dataset + "|" + field));
                    } else if (value instanceof Double d) {
                        b.number(dataset, lsoa, field, d);
                    } else {
                        b.text(dataset, lsoa, field, value.toString());
                    }
                }
            }
            // GP registered patients living in each LSOA (all practices), for profiles
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lsoa_code, SUM(patients) FROM registration GROUP BY lsoa_code ORDER BY lsoa_code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.number(REGISTERED, rs.getString(1), "patients", rs.getLong(2));
                }
            }
            return b.build();
        } catch (SQLException e) {
            throw new StoreException("cannot read the LSOA tables" + Jdbc.detail(e), e);
        }
    }
}
