package org.sdaplanner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.sdaplanner.core.profile.Indicator;
import org.sdaplanner.core.profile.LsoaData;
import org.sdaplanner.importer.manifest.IndicatorSpec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The indicator catalogue kept with the import, and the per-LSOA data it reads on LSOA 2021 codes. */
public final class ProfileCatalogueReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private final SpatialStore store;

    public ProfileCatalogueReader(SpatialStore store) {
        this.store = store;
    }

    public List<Indicator> catalogue() {
        List<Indicator> out = new ArrayList<>();
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement("SELECT spec_json FROM indicator ORDER BY position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(JSON.readValue(rs.getString(1), IndicatorSpec.class).toIndicator("the store"));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the indicator catalogue" + Jdbc.detail(e), e);
        } catch (JsonProcessingException e) {
            throw new StoreException("the stored indicator catalogue cannot be read: " + e.getOriginalMessage(), e);
        }
        return out;
    }

    /** Tables whose LSOA codes are of the 2011 vintage. */
    public Set<String> datasets2011() {
        Set<String> out = new HashSet<>();
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement("SELECT dataset FROM dataset_info WHERE lsoa_vintage = '2011'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store" + Jdbc.detail(e), e);
        }
        return out;
    }

    /** The LSOA data for a catalogue: ranks and classes are never shared out between split LSOAs. */
    public LsoaData data(List<Indicator> catalogue, Set<String> datasets2011) {
        Set<String> nonAdditive = new HashSet<>();
        for (Indicator i : catalogue) {
            if (!i.additive()) {
                i.fields().forEach(f -> nonAdditive.add(i.dataset() + "|" + f));
            }
        }
        return new LsoaDataReader(store).read(datasets2011, nonAdditive);
    }
}
