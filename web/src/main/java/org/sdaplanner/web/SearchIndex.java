package org.sdaplanner.web;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.sdaplanner.core.blocks.BuildingBlock;
import org.sdaplanner.core.geography.Lsoa;
import org.sdaplanner.core.geography.PostcodePoint;
import org.sdaplanner.web.api.SearchHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.sdaplanner.export.Numbers.round;

/**
 * Search over places (cities, towns and villages: {@link Places}), LSOA codes and names, and postcodes.
 * Each hit says what kind of place it is, its district, which building block holds it (a place's label
 * point, a postcode's point, an LSOA's interior point) and where it is. A place that is a parish is found
 * by its name and by its parish code.
 */
final class SearchIndex {
    static final int LIMIT = 20;
    private static final Pattern POSTCODE_START = Pattern.compile("^[A-Z]{1,2}[0-9].*");

    private record Entry(String kind, String code, String name, String place, String districtCode, String blockCode, Point bng) {
    }

    private record Hit(int rank, int kindOrder, Entry entry) {
    }

    private final List<Entry> named = new ArrayList<>();
    private final List<PostcodePoint> postcodes;
    private final List<String> postcodeKeys = new ArrayList<>();
    private final BlockIndex blocks;
    private final Map<String, String> districtNames;

    SearchIndex(Region region, BlockIndex blocks, Places places) {
        this.blocks = blocks;
        this.districtNames = region.districtNames();
        for (Places.Place p : places.all()) {
            // a parish is found by its code too; a city of an unparished area by its name
            String code = p.parishBlock() != null ? p.parishBlock() : p.name();
            named.add(new Entry(p.parishBlock() != null ? "parish" : "place", code, p.name(), p.kind(), p.districtCode(), p.blockCode(), p.bng()));
        }
        for (Lsoa l : region.analysis().geography().lsoas()) {
            Point p = l.geometry().getInteriorPoint();
            named.add(new Entry("lsoa", l.code(), l.name(), null, l.districtCode(), blocks.codeAt(p), p));
        }
        postcodes = region.analysis().geography().postcodes();
        for (PostcodePoint pc : postcodes) {
            postcodeKeys.add(key(pc.postcode()));
        }
    }

    List<SearchHit> search(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.length() < 2) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (Entry e : named) {
            int rank = Math.min(rank(e.code().toLowerCase(Locale.ROOT), q), rank(e.name() == null ? "" : e.name().toLowerCase(Locale.ROOT), q));
            if (rank < Integer.MAX_VALUE) {
                hits.add(new Hit(rank, e.kind().equals("lsoa") ? 1 : 0, e));
            }
        }
        String pk = key(q);
        if (POSTCODE_START.matcher(pk).matches()) {
            int found = 0;
            for (int i = 0; i < postcodes.size() && found < LIMIT; i++) {
                String k = postcodeKeys.get(i);
                if (k.startsWith(pk)) {
                    PostcodePoint pc = postcodes.get(i);
                    hits.add(new Hit(k.equals(pk) ? 0 : 1, 2,
                            new Entry("postcode", pc.postcode(), pc.postcode(), null, null, null, pc.location())));
                    found++;
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::rank).thenComparingInt(Hit::kindOrder)
                .thenComparing(h -> h.entry().name() == null ? "" : h.entry().name()).thenComparing(h -> h.entry().code()));
        List<SearchHit> out = new ArrayList<>();
        for (Hit h : hits.subList(0, Math.min(LIMIT, hits.size()))) {
            Entry e = h.entry();
            Geometry wgs = Features.toWgs84(e.bng());
            String block = e.blockCode() != null ? e.blockCode() : blocks.at(e.bng()).map(BuildingBlock::code).orElse(null);
            String district = e.districtCode() != null ? e.districtCode() : blocks.at(e.bng()).map(BuildingBlock::districtCode).orElse(null);
            out.add(new SearchHit(e.kind(), e.code(), e.name(), e.place(), district == null ? null : districtNames.getOrDefault(district, district),
                    block, round(wgs.getCoordinate().x, 6), round(wgs.getCoordinate().y, 6)));
        }
        return out;
    }
    /** 0 exact, 1 prefix, 2 a word starts with it, 3 contains it; MAX_VALUE no match. */
    private static int rank(String text, String q) {
        if (text.equals(q)) {
            return 0;
        }
        if (text.startsWith(q)) {
            return 1;
        }
        int i = text.indexOf(q);
        if (i < 0) {
            return Integer.MAX_VALUE;
        }
        return Character.isLetterOrDigit(text.charAt(i - 1)) ? 3 : 2;
    }

    private static String key(String postcode) {
        return postcode.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
