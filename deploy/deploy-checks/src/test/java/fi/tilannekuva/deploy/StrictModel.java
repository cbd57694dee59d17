package fi.tilannekuva.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds fields a typed Kubernetes model did not recognise. The fabric8 and Strimzi models accept unknown fields into
 * additionalProperties (the API server would prune or reject them): a misspelt field deserializes without error and
 * then does nothing. Walking the model and collecting every non-empty additionalProperties makes the parse strict.
 */
final class StrictModel {

    private StrictModel() {}

    /** A sentence per object in the model that holds unknown fields, with its path; empty when everything is known. */
    static List<String> unknownFields(Object model) {
        List<String> problems = new ArrayList<>();
        walk(model, "", problems, new IdentityHashMap<>());
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null
                || !isModel(value.getClass()) && !(value instanceof Collection<?>) && !(value instanceof Map<?, ?>)) {
            return;
        }
        if (seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "." + key, problems, seen));
            return;
        }
        Map<?, ?> unknown = additionalProperties(value);
        if (!unknown.isEmpty()) {
            problems.add((path.isEmpty() ? "(top level)" : path) + ": unknown field(s) " + unknown.keySet());
        }
        BeanDescription description = RepositoryFiles.YAML
                .getSerializationConfig()
                .introspect(RepositoryFiles.YAML.constructType(value.getClass()));
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.hasGetter() && !property.getName().equals("additionalProperties")) {
                Object child;
                try {
                    child = property.getGetter().getValue(value);
                } catch (RuntimeException e) {
                    continue; // a computed property that needs more than the manifest gives; nothing to check there
                }
                walk(child, path + "." + property.getName(), problems, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum()
                && (name.startsWith("io.fabric8.kubernetes.api.model") || name.startsWith("io.strimzi.api"));
    }

    private static Map<?, ?> additionalProperties(Object value) {
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            Object result = getter.invoke(value);
            return result instanceof Map<?, ?> map ? map : Map.of();
        } catch (ReflectiveOperationException e) {
            return Map.of();
        }
    }
}
