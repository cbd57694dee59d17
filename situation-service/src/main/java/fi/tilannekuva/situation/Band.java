package fi.tilannekuva.situation;

/** The four colour bands of the situation picture, from a whole percentage. */
public enum Band {
    UNDER_25,
    FROM_25_TO_49,
    FROM_50_TO_75,
    OVER_75;

    /** The band of a percentage 0–100: 0–24, 25–49, 50–75, 76–100 (CONTRACT.md). */
    public static Band of(int percent) {
        if (percent < 25) {
            return UNDER_25;
        }
        if (percent < 50) {
            return FROM_25_TO_49;
        }
        if (percent <= 75) {
            return FROM_50_TO_75;
        }
        return OVER_75;
    }

    /** round-half-up(100 × count / total), the contract's rounding; total must be positive. */
    public static int percent(int count, int total) {
        return (200 * count + total) / (2 * total);
    }
}
