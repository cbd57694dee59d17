package fi.tilannekuva.roadmap;

/** The stable ids of the hierarchy: entity {@code JO-E}, task {@code JO-E-5}, subtask {@code JO-E-5.8}. */
public final class RoadmapIds {

    private RoadmapIds() {}

    /** {@code JO} + {@code E} = {@code JO-E}. */
    public static String entity(String group, String entityCode) {
        return group + "-" + entityCode;
    }

    /** {@code JO-E} + 5 = {@code JO-E-5}. */
    public static String task(String entityId, int number) {
        return entityId + "-" + number;
    }

    /** {@code JO-E} + {@code 5.8} = {@code JO-E-5.8} (the task number is the subtask number's prefix). */
    public static String subtask(String entityId, String number) {
        return entityId + "-" + number;
    }
}
