package fi.tilannekuva.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile read instruction by instruction (continuation lines joined, comments dropped). */
record Dockerfile(List<Instruction> instructions) {

    /** One instruction: the upper-case keyword and its arguments as written. */
    record Instruction(String keyword, String arguments) {}

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S+)");

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed.substring(0, trimmed.length() - 1).strip())
                        .append(' ');
                continue;
            }
            current.append(trimmed);
            String whole = current.toString().strip();
            current.setLength(0);
            int space = whole.indexOf(' ');
            String keyword = (space < 0 ? whole : whole.substring(0, space)).toUpperCase(Locale.ROOT);
            instructions.add(new Instruction(
                    keyword, space < 0 ? "" : whole.substring(space + 1).strip()));
        }
        return new Dockerfile(instructions);
    }

    List<String> arguments(String keyword) {
        return instructions.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }

    /** The variables set with ENV (KEY=value form), in order; a later value replaces an earlier one. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String arguments : arguments("ENV")) {
            Matcher pair = ENV_PAIR.matcher(arguments);
            while (pair.find()) {
                environment.put(pair.group(1), pair.group(2).replaceAll("^[\"']|[\"']$", ""));
            }
        }
        return environment;
    }

    /** The user of the final stage: the last USER instruction, or root when there is none. */
    String finalUser() {
        List<String> users = arguments("USER");
        return users.isEmpty() ? "root" : users.get(users.size() - 1);
    }
}
