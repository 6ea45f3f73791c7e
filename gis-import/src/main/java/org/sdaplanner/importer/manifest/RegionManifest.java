package org.sdaplanner.importer.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.sdaplanner.importer.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A region manifest (JSON): the region and the official files it is built from. See
 * {@code data/cambridgeshire-peterborough.json} for a complete example and docs/user-guide.md
 * for every key.
 */
public record RegionManifest(int manifestVersion, Region region, Inputs inputs, List<IndicatorSpec> indicators,
                             @com.fasterxml.jackson.annotation.JsonIgnore String source) {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static RegionManifest load(Path file) {
        String name = file.toString();
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw InputException.ofFile(name, "region manifest not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw InputException.ofFile(name, "the region manifest is not UTF-8 text: save it again as UTF-8 JSON");
        } catch (IOException e) {
            throw InputException.ofFile(name, "region manifest cannot be read: " + e.getMessage());
        }
        RegionManifest m;
        try {
            m = MAPPER.treeToValue(withBase(file, MAPPER.readTree(json), 0), RegionManifest.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(k -> {
                if (!"source".equals(k)) {
                    known.add(k.toString());
                }
            });
            known.sort(String::compareTo);
            throw InputException.ofFile(name, "unknown key '" + e.getPropertyName() + "' at " + path(e)
                    + "; known keys there: " + known);
        } catch (JsonProcessingException e) {
            throw InputException.ofFile(name, ManifestErrors.describe(e));
        } catch (IOException e) {
            throw InputException.ofFile(name, "its base manifest cannot be read: " + e.getMessage());
        }
        if (m == null) {
            throw InputException.ofFile(name, "is empty: expected a region manifest (a JSON object)");
        }
        m = new RegionManifest(m.manifestVersion, m.region, m.inputs, m.indicators, name);
        m.check();
        return new RegionManifest(m.manifestVersion, m.region, named(m.inputs), m.indicators == null ? List.of() : List.copyOf(m.indicators), name);
    }

    /**
     * A manifest with {@code "base": "other.json"} (relative to itself) is that manifest with the inputs
     * it names replaced, role by role: a data release (another quarter's registrations, an older practice
     * map with its own column names) is a few lines beside the region's manifest, not a copy of it.
     */
    private static com.fasterxml.jackson.databind.JsonNode withBase(Path file, com.fasterxml.jackson.databind.JsonNode node,
                                                                     int depth) throws IOException {
        if (node == null || !node.isObject() || !node.has("base")) {
            return node;
        }
        var own = (com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy();
        com.fasterxml.jackson.databind.JsonNode ref = own.remove("base");
        if (!ref.isTextual() || ref.asText().isBlank()) {
            throw InputException.ofFile(file.toString(), "\"base\" must name the region manifest this one builds on, e.g. "
                    + "\"../cambridgeshire-peterborough.json\"");
        }
        if (depth > 3) {
            throw InputException.ofFile(file.toString(), "\"base\" manifests nest more than 3 deep: expected a base that "
                    + "is a region manifest");
        }
        Path baseFile = (file.toAbsolutePath().getParent() == null ? Path.of(".") : file.toAbsolutePath().getParent())
                .resolve(ref.asText()).normalize();
        if (!Files.isRegularFile(baseFile)) {
            throw InputException.ofFile(file.toString(), "\"base\": the region manifest " + baseFile + " is not there");
        }
        var base = (com.fasterxml.jackson.databind.node.ObjectNode) withBase(baseFile, MAPPER.readTree(Files.readString(baseFile)), depth + 1)
                .deepCopy();
        own.fields().forEachRemaining(e -> {
            if ("inputs".equals(e.getKey()) && e.getValue().isObject() && base.get("inputs") instanceof
                    com.fasterxml.jackson.databind.node.ObjectNode inputs) {
                e.getValue().fields().forEachRemaining(i -> inputs.set(i.getKey(), i.getValue()));
            } else if ("region".equals(e.getKey()) && e.getValue().isObject() && base.get("region") instanceof
                    com.fasterxml.jackson.databind.node.ObjectNode region) {
                e.getValue().fields().forEachRemaining(i -> region.set(i.getKey(), i.getValue()));
            } else {
                base.set(e.getKey(), e.getValue());
            }
        });
        return base;
    }

    /** Gives each single-file input its role key as id, so messages can name it. */
    private static Inputs named(Inputs i) {
        return new Inputs(id(i.lsoaBoundaries(), Role.LSOA_BOUNDARIES), id(i.parishBoundaries(), Role.PARISH_BOUNDARIES),
                id(i.districtBoundaries(), Role.DISTRICT_BOUNDARIES), id(i.registrations(), Role.REGISTRATIONS),
                id(i.practiceMap(), Role.PRACTICE_MAP), id(i.practiceLocations(), Role.PRACTICE_LOCATIONS),
                id(i.lsoaPopulation(), Role.LSOA_POPULATION), id(i.lsoaLookup(), Role.LSOA_LOOKUP),
                id(i.pcnCatchments(), Role.PCN_CATCHMENTS), id(i.postcodes(), Role.POSTCODES), i.tables());
    }

    private static InputSource id(InputSource s, Role r) {
        return s == null ? null : s.withId(r.key());
    }

    /** The key path as a person reads it in the file, e.g. inputs.registrations.colums. */
    static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (var ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return parts.isEmpty() ? "the top level" : String.join(".", parts);
    }

    private void check() {
        if (manifestVersion != 1) {
            throw InputException.ofFile(source, "manifest_version " + manifestVersion + " is not supported: expected 1");
        }
        if (region == null || region.id() == null || region.name() == null) {
            throw InputException.ofFile(source, "needs a \"region\" with an \"id\" and a \"name\"");
        }
        if (inputs == null) {
            throw InputException.ofFile(source, "needs \"inputs\"");
        }
        for (Role r : Role.values()) {
            InputSource s = r.of(inputs);
            if (s == null && r.required()) {
                throw InputException.ofFile(source, "inputs." + r.key() + " is required (" + r.description() + ")");
            }
            if (s != null && (s.path() == null || s.path().isBlank())) {
                throw InputException.ofFile(source, "inputs." + r.key() + " needs a \"path\"");
            }
        }
        ManifestCheck c = new ManifestCheck(source);
        c.region(region);
        c.inputs(inputs);
        c.indicators(indicators == null ? List.of() : indicators);
        try {
            region.areaCounts();
        } catch (AreasSpec.Invalid e) {
            throw InputException.ofFile(source, e.getMessage());
        }
    }

    /** The indicator catalogue, checked: ids unique, datasets declared as tables (or residents). */
    public List<org.sdaplanner.core.profile.Indicator> catalogue() {
        List<org.sdaplanner.core.profile.Indicator> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> datasets = new java.util.HashSet<>();
        inputs.tables().forEach(t -> datasets.add(t.id()));
        datasets.add(org.sdaplanner.core.profile.LsoaData.RESIDENTS);
        datasets.add("registered"); // GP registered patients per LSOA, from the registrations
        for (IndicatorSpec spec : indicators) {
            if (!ids.add(spec.id())) {
                throw InputException.ofFile(source, "indicator " + spec.id() + " is declared twice");
            }
            if (!datasets.contains(spec.dataset())) {
                throw InputException.ofFile(source, "indicator " + spec.id() + " reads dataset '" + spec.dataset()
                        + "', which is not one of inputs.tables (nor 'residents' or 'registered')");
            }
            out.add(spec.toIndicator(source));
        }
        return out;
    }

    /** Every declared input with its role key (tables as {@code tables.<id>}), in a stable order. */
    public List<Declared> declared() {
        List<Declared> out = new ArrayList<>();
        for (Role r : Role.values()) {
            InputSource s = r.of(inputs);
            if (s != null) {
                out.add(new Declared(r.key(), s.withId(r.key())));
            }
        }
        for (InputSource t : inputs.tables()) {
            out.add(new Declared("tables." + t.id(), t));
        }
        return out;
    }

    public record Declared(String role, InputSource source) {
    }
}
