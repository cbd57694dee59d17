package fi.tilannekuva.kit.reform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The five preparation groups (valmisteluryhmät) the roadmap is built on, in their official order. */
public enum Group {
    HTT,
    JO,
    PJ,
    YP,
    ICT;

    /** The group with this exact code, if there is one. */
    public static Optional<Group> parse(String code) {
        return Arrays.stream(values()).filter(g -> g.name().equals(code)).findFirst();
    }

    /** Every group code, in the official order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Group::name).toList();
    }
}
