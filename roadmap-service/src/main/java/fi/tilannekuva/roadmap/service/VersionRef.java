package fi.tilannekuva.roadmap.service;

/** A version named in a path: a number, or {@code current} for the newest. */
public record VersionRef(Integer number) {

    /** The newest version. */
    public static final VersionRef CURRENT = new VersionRef(null);

    /**
     * Reads {@code current} or a positive decimal number.
     *
     * @param text the path segment
     * @return the reference
     * @throws VersionNotFound when the text is neither (no such version can exist)
     */
    public static VersionRef parse(String text) {
        if ("current".equals(text)) {
            return CURRENT;
        }
        if (text != null && text.matches("[1-9][0-9]{0,8}")) {
            return new VersionRef(Integer.valueOf(text));
        }
        throw new VersionNotFound("No roadmap version '" + text + "': a version is 'current' or a positive number");
    }

    @Override
    public String toString() {
        return number == null ? "current" : number.toString();
    }
}
