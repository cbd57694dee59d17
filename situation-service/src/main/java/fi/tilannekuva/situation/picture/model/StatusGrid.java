package fi.tilannekuva.situation.picture.model;

import fi.tilannekuva.kit.reform.Status;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The status of every (unit, subtask) of one roadmap version, held by position in two arrays: what the counted views
 * read as of an instant, filled from the log row by row without an object per row (at a million events the log holds
 * about 100 k rows valid at any instant).
 *
 * <p>Like the whole-record picture, it keeps per (unit, subtask) the status of the highest version whatever order the
 * rows come in, and a unit that reported anything counts as reported, even a subtask this version does not have.
 */
public final class StatusGrid implements Countable {

    private final Roadmap roadmap;
    private final Instant newestEventAt;
    private final Map<String, Integer> units = new HashMap<>();
    private final Map<String, Integer> subtasks = new HashMap<>();
    private final int[] canonical;
    private final Status[] statuses;
    private final long[] versions;
    private final Set<String> reported = new HashSet<>();

    /**
     * An empty grid.
     *
     * @param roadmap the version counted against, null if none
     * @param newestEventAt recordedAt of the newest event counted, null if none
     */
    public StatusGrid(Roadmap roadmap, Instant newestEventAt) {
        this.roadmap = roadmap;
        this.newestEventAt = newestEventAt;
        List<Unit> unitList = roadmap == null ? List.of() : roadmap.units();
        List<RoadmapSubtask> subtaskList = roadmap == null ? List.of() : roadmap.subtasks();
        for (int i = 0; i < unitList.size(); i++) {
            units.put(unitList.get(i).code(), i);
        }
        canonical = new int[subtaskList.size()];
        for (int i = 0; i < subtaskList.size(); i++) {
            // a repeated id shares the first one's cell, as it shares the whole-record picture's map entry
            Integer first = subtasks.putIfAbsent(subtaskList.get(i).id(), i);
            canonical[i] = first == null ? i : first;
        }
        statuses = new Status[unitList.size() * canonical.length];
        versions = new long[statuses.length];
        Arrays.fill(versions, Long.MIN_VALUE);
    }

    /** Counts one logged status: it replaces what the grid holds for (unit, subtask) only with a higher version. */
    public void put(String region, String subtask, long version, Status status) {
        reported.add(region);
        Integer unit = units.get(region);
        Integer position = subtasks.get(subtask);
        if (unit == null || position == null) {
            return; // a unit or subtask this version does not list: it only makes the unit reported
        }
        int cell = unit * canonical.length + position;
        if (version > versions[cell]) {
            versions[cell] = version;
            statuses[cell] = status;
        }
    }

    private static final Status[] STATUSES = Status.values();

    /**
     * What a checkpoint's cells mean, as a fingerprint: the roadmap version, its units and subtasks in the grid's
     * order and the statuses in the order of their codes. A checkpoint is read only into a grid of the same layout, so
     * a release that orders units or statuses otherwise finds no checkpoint to use rather than misreading one.
     */
    public long layout() {
        if (roadmap == null) {
            return 0;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder().append(roadmap.version()).append('\n');
            roadmap.units().forEach(unit -> text.append(unit.code()).append('\n'));
            roadmap.subtasks().forEach(subtask -> text.append(subtask.id()).append('\n'));
            Arrays.stream(STATUSES).forEach(status -> text.append(status.name()).append('\n'));
            return ByteBuffer.wrap(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)))
                    .getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The grid as a checkpoint: per cell the status (its ordinal + 1, 0 for none) and, where there is one, its version,
     * then the units that reported, deflated. Only a grid of the same {@link #layout} can {@link #merge} it.
     */
    public byte[] checkpoint() {
        byte[][] codes = reported.stream()
                .map(code -> code.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        int size = 2 * Integer.BYTES + statuses.length;
        for (Status status : statuses) {
            size += status == null ? 0 : Long.BYTES;
        }
        for (byte[] code : codes) {
            size += Integer.BYTES + code.length;
        }
        ByteBuffer raw = ByteBuffer.allocate(size).putInt(statuses.length);
        for (int cell = 0; cell < statuses.length; cell++) {
            if (statuses[cell] == null) {
                raw.put((byte) 0);
            } else {
                raw.put((byte) (statuses[cell].ordinal() + 1)).putLong(versions[cell]);
            }
        }
        raw.putInt(codes.length);
        for (byte[] code : codes) {
            raw.putInt(code.length).put(code);
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw.array());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(size / 4);
            byte[] chunk = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Counts a checkpoint of a grid of the same {@link #layout} as if its rows were put here: per cell the higher
     * version wins and its units count as reported, so a checkpoint and the rows logged after it may come in any order.
     *
     * @throws IllegalArgumentException if the checkpoint is of a grid of another shape, or unreadable; the grid is
     *     then partly merged and is to be dropped
     */
    public void merge(byte[] checkpoint) {
        try {
            mergeInflated(ByteBuffer.wrap(inflate(checkpoint)));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("a truncated checkpoint", e);
        }
    }

    private void mergeInflated(ByteBuffer raw) {
        if (raw.getInt() != statuses.length) {
            throw new IllegalArgumentException("a checkpoint of another roadmap version's grid");
        }
        for (int cell = 0; cell < statuses.length; cell++) {
            int code = raw.get();
            if (code < 0 || code > STATUSES.length) {
                throw new IllegalArgumentException("a checkpoint with an unknown status code " + code);
            }
            if (code != 0) {
                long version = raw.getLong();
                if (version > versions[cell]) {
                    versions[cell] = version;
                    statuses[cell] = STATUSES[code - 1];
                }
            }
        }
        for (int units = raw.getInt(); units > 0; units--) {
            int length = raw.getInt();
            if (length < 0 || length > raw.remaining()) {
                throw new IllegalArgumentException("a truncated checkpoint");
            }
            byte[] code = new byte[length];
            raw.get(code);
            reported.add(new String(code, StandardCharsets.UTF_8));
        }
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] chunk = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("a truncated checkpoint");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("an unreadable checkpoint", e);
        } finally {
            inflater.end();
        }
    }

    @Override
    public Roadmap roadmap() {
        return roadmap;
    }

    @Override
    public boolean reported(String region) {
        return reported.contains(region);
    }

    @Override
    public Instant newestEventAt() {
        return newestEventAt;
    }

    @Override
    public IntFunction<Status> statusesOf(String region) {
        Integer unit = units.get(region);
        if (unit == null) {
            return position -> null;
        }
        int offset = unit * canonical.length;
        return position -> statuses[offset + canonical[position]];
    }
}
