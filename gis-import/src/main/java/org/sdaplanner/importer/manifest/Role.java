package org.sdaplanner.importer.manifest;

import java.util.function.Function;

/** The single-file input roles of a region manifest. */
public enum Role {
    LSOA_BOUNDARIES("lsoa_boundaries", true, "LSOA boundaries", Inputs::lsoaBoundaries),
    PARISH_BOUNDARIES("parish_boundaries", false, "parish and non-civil-parished area boundaries", Inputs::parishBoundaries),
    DISTRICT_BOUNDARIES("district_boundaries", false, "local authority district boundaries", Inputs::districtBoundaries),
    REGISTRATIONS("registrations", true, "GP registered patients by practice and LSOA", Inputs::registrations),
    PRACTICE_MAP("practice_map", true, "GP practice to PCN map", Inputs::practiceMap),
    PRACTICE_LOCATIONS("practice_locations", false, "GP practice locations", Inputs::practiceLocations),
    LSOA_POPULATION("lsoa_population", false, "usual residents per LSOA", Inputs::lsoaPopulation),
    LSOA_LOOKUP("lsoa_lookup", false, "LSOA 2011 to 2021 lookup", Inputs::lsoaLookup),
    PCN_CATCHMENTS("pcn_catchments", false, "PCN catchment boundaries", Inputs::pcnCatchments),
    POSTCODES("postcodes", false, "postcode centroids (Code-Point Open)", Inputs::postcodes);

    private final String key;
    private final boolean required;
    private final String description;
    private final Function<Inputs, InputSource> getter;

    Role(String key, boolean required, String description, Function<Inputs, InputSource> getter) {
        this.key = key;
        this.required = required;
        this.description = description;
        this.getter = getter;
    }

    public String key() {
        return key;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    public InputSource of(Inputs inputs) {
        return getter.apply(inputs);
    }
}
