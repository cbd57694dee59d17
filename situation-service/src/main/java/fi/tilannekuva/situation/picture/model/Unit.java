package fi.tilannekuva.situation.picture.model;

import java.util.Map;

/** A reporting unit as a roadmap version lists it. */
public record Unit(String code, Map<String, String> name, String kind, boolean uusimaa) {}
