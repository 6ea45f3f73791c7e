package org.sdaplanner.store;

import org.sdaplanner.importer.ImportedData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.sdaplanner.store.BulkTable.bigint;
import static org.sdaplanner.store.BulkTable.bool;
import static org.sdaplanner.store.BulkTable.geometry;
import static org.sdaplanner.store.BulkTable.integer;
import static org.sdaplanner.store.BulkTable.real;
import static org.sdaplanner.store.BulkTable.text;

/** An import's data tables as bulk loads, parents before children (the order they are written in). */
final class ImportTables {
    private ImportTables() {
    }

    static List<BulkTable> of(ImportedData d) {
        List<BulkTable> t = new ArrayList<>();
        t.add(new BulkTable("source_file", List.of(text("role"), text("path"), text("format"), text("vintage"), text("title"),
                text("source_url"), text("licence"), text("attribution"), bigint("row_count")),
                rows(d.sources(), s -> new Object[] {s.role(), s.path(), s.format(), s.vintage(), s.title(), s.sourceUrl(),
                        s.licence(), s.attribution(), s.rows()})));
        t.add(new BulkTable("district", List.of(text("code"), text("name"), geometry("geom")),
                rows(d.districts(), x -> new Object[] {x.code(), x.name(), x.geometry()})));
        t.add(new BulkTable("lsoa", List.of(text("code"), text("name"), text("district_code"), geometry("geom")),
                rows(d.lsoas(), x -> new Object[] {x.code(), x.name(), x.districtCode(), x.geometry()})));
        t.add(new BulkTable("parish", List.of(text("code"), text("name"), text("district_code"), bool("unparished"),
                geometry("geom")),
                rows(d.parishes(), x -> new Object[] {x.code(), x.name(), x.districtCode(), x.unparished(), x.geometry()})));
        t.add(new BulkTable("pcn", List.of(text("code"), text("name")),
                rows(d.pcns(), x -> new Object[] {x.code(), x.name()})));
        t.add(new BulkTable("practice", List.of(text("code"), text("name"), text("postcode"), text("pcn_code"),
                bool("in_region"), geometry("geom")),
                rows(d.practices(), x -> new Object[] {x.code(), x.name(), x.postcode(), x.pcnCode(), x.inRegion(),
                        x.location()})));
        t.add(new BulkTable("registration", List.of(text("practice_code"), text("lsoa_code"), bigint("patients")),
                rows(d.registrations(), x -> new Object[] {x.practiceCode(), x.lsoaCode(), x.patients()})));
        t.add(new BulkTable("unmatched_registration", List.of(bigint("source_row"), text("practice_code"), text("lsoa_code"),
                bigint("patients"), text("reason")),
                rows(d.unmatched(), x -> new Object[] {x.row(), x.practiceCode(), x.lsoaCode(), x.patients(), x.reason()})));
        t.add(new BulkTable("lsoa_population", List.of(text("lsoa_code"), bigint("residents")),
                rows(d.residents().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList(),
                        e -> new Object[] {e.getKey(), e.getValue()})));
        t.add(new BulkTable("lsoa_lookup", List.of(text("lsoa11_code"), text("lsoa21_code"), text("change_code"),
                text("district_code")),
                rows(d.lookup(), x -> new Object[] {x.lsoa11Code(), x.lsoa21Code(), x.change(), x.districtCode()})));
        t.add(new BulkTable("pcn_catchment", List.of(text("pcn_code"), text("name"), geometry("geom")),
                rows(d.catchments(), x -> new Object[] {x.pcnCode(), x.name(), x.geometry()})));
        t.add(new BulkTable("postcode", List.of(text("postcode"), geometry("geom")),
                rows(d.postcodes(), x -> new Object[] {x.postcode(), x.location()})));
        t.add(new BulkTable("block_bridge", List.of(text("code_a"), text("code_b")),
                rows(d.bridges(), b -> new Object[] {b.get(0), b.get(1)})));
        List<Object[]> indicators = new ArrayList<>();
        for (int i = 0; i < d.indicators().size(); i++) {
            indicators.add(new Object[] {i, d.indicators().get(i).id(), ImportWriter.toJson(d.indicators().get(i))});
        }
        t.add(new BulkTable("indicator", List.of(integer("position"), text("id"), text("spec_json")), indicators));
        t.add(new BulkTable("dataset_info", List.of(text("dataset"), text("lsoa_vintage")),
                rows(List.copyOf(new TreeMap<>(d.datasetVintages()).entrySet()), e -> new Object[] {e.getKey(), e.getValue()})));
        t.add(new BulkTable("lsoa_value", List.of(text("dataset"), text("lsoa_code"), text("field"), real("num_value"),
                text("text_value")),
                rows(d.values(), x -> new Object[] {x.dataset(), x.lsoaCode(), x.field(), x.number(), x.text()})));
        return t;
    }

    /** A lazy view, so the national registrations are not copied into a second list before they are sent. */
    private static <T> List<Object[]> rows(List<T> xs, java.util.function.Function<T, Object[]> f) {
        return new java.util.AbstractList<>() {
            @Override
            public Object[] get(int i) {
                return f.apply(xs.get(i));
            }

            @Override
            public int size() {
                return xs.size();
            }
        };
    }
}
