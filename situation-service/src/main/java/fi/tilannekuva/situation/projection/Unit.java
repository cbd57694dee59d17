package fi.tilannekuva.situation.projection;

import java.util.Map;

/** A reporting unit as a roadmap version lists it. */
public record Unit(String code, Map<String, String> name, String kind, boolean uusimaa) {}
