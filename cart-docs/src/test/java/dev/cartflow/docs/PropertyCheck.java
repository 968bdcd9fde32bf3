package dev.cartflow.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a property a page sets ({@code cartflow.*} or {@code cartservice.*}) is one the code binds,
 * and whether its value converts to the property's type, by the configuration metadata: an exact name,
 * or a key below a {@code Map} property (the key converted to the map's key type, and for a map of
 * objects the rest of the name a property of the value's class). Values with a {@code ${...}}
 * placeholder are resolved at run time and only their name is checked.
 */
final class PropertyCheck {
    /** Spring's simple duration format ({@code 250ms}, {@code 5m}), beside ISO-8601 ({@code PT5M}). */
    private static final Pattern SIMPLE_DURATION = Pattern.compile("^[+-]?\\d+(ns|us|ms|s|m|h|d)?$");
    private final Map<String, JsonNode> metadata;

    PropertyCheck(Map<String, JsonNode> metadata) {
        this.metadata = Map.copyOf(metadata);
    }

    /** Whether the name is in CartFlow's namespaces, which this check knows. */
    static boolean isCartFlows(String name) {
        return name.startsWith("cartflow.") || name.startsWith("cartservice.");
    }

    /** What is wrong with {@code name = value}, or null when it binds. */
    String problem(String name, Object value) {
        JsonNode property = metadata.get(name);
        if (property != null) {
            return valueProblem(name, property.path("type").asText(), value);
        }
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            JsonNode map = metadata.get(name.substring(0, dot));
            if (map != null && map.path("type").asText().startsWith("java.util.Map<")) {
                return mapEntryProblem(name, map.path("type").asText(), name.substring(dot + 1), value);
            }
        }
        return "no such property (not in the configuration metadata)";
    }

    private String mapEntryProblem(String name, String mapType, String rest, Object value) {
        String[] keyAndValue = typeArguments(mapType.substring("java.util.Map<".length(), mapType.length() - 1));
        String key = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        String keyProblem = valueProblem(name, keyAndValue[0], key);
        if (keyProblem != null) {
            return "map key '" + key + "': " + keyProblem;
        }
        if (!rest.contains(".")) {
            return valueProblem(name, keyAndValue[1], value);
        }
        Class<?> valueClass = load(keyAndValue[1]);
        if (valueClass == null) {
            return "the map's values (" + keyAndValue[1] + ") take no nested names";
        }
        String field = camel(rest.substring(rest.indexOf('.') + 1));
        Type fieldType = fieldType(valueClass, field);
        if (fieldType == null) {
            return valueClass.getSimpleName() + " has no property '" + field + "'";
        }
        return valueProblem(name, fieldType.getTypeName(), value);
    }

    private static String valueProblem(String name, String type, Object value) {
        if (value == null || String.valueOf(value).contains("${")) {
            return null;
        }
        String text = String.valueOf(value).strip();
        try {
            switch (type) {
                case "java.lang.Boolean", "boolean" -> {
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        return "'" + text + "' is not true or false";
                    }
                }
                case "java.lang.Integer", "int" -> Integer.parseInt(text);
                case "java.lang.Long", "long" -> Long.parseLong(text);
                case "java.math.BigDecimal" -> new BigDecimal(text);
                case "java.time.Duration" -> {
                    if (!SIMPLE_DURATION.matcher(text).matches()) {
                        Duration.parse(text);
                    }
                }
                case "java.lang.String" -> {
                    // any text
                }
                default -> {
                    return otherTypeProblem(type, value, text);
                }
            }
        } catch (RuntimeException e) {
            return "'" + text + "' does not convert to " + type + " (" + e.getMessage() + ")";
        }
        return null;
    }

    private static String otherTypeProblem(String type, Object value, String text) {
        if (type.startsWith("java.util.List<") || type.startsWith("java.util.Set<")) {
            String element = type.substring(type.indexOf('<') + 1, type.length() - 1);
            List<Object> items = value instanceof List<?> list ? new ArrayList<>(list)
                    : new ArrayList<>(Arrays.asList((Object[]) text.split(",")));
            for (Object item : items) {
                String problem = valueProblem("", element, item);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (type.startsWith("java.util.Map<")) {
            return value instanceof Map<?, ?> ? null : "a map, not '" + text + "'";
        }
        Class<?> enumType = load(type);
        if (enumType != null && enumType.isEnum()) {
            String wanted = relaxed(text);
            boolean known = Arrays.stream(enumType.getEnumConstants()).anyMatch(constant -> relaxed(constant.toString()).equals(wanted)
                    || relaxed(((Enum<?>) constant).name()).equals(wanted));
            return known ? null : "'" + text + "' is none of " + Arrays.toString(enumType.getEnumConstants());
        }
        return enumType == null ? "type " + type + " is not known to this check" : null;
    }

    /** Spring's relaxed enum names: {@code half-even}, {@code HALF_EVEN} and {@code halfEven} are one. */
    private static String relaxed(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String camel(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static Type fieldType(Class<?> type, String name) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return boxed(component.getGenericType());
                }
            }
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return boxed(field.getGenericType());
                }
            }
        }
        return null;
    }

    private static Type boxed(Type type) {
        if (type instanceof ParameterizedType) {
            return type;
        }
        return switch (type.getTypeName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "boolean" -> Boolean.class;
            default -> type;
        };
    }

    /** The two type arguments of a {@code Map<K,V>}, split at the top-level comma. */
    private static String[] typeArguments(String arguments) {
        int depth = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return new String[] {arguments.substring(0, i).strip(), arguments.substring(i + 1).strip()};
            }
        }
        throw new IllegalArgumentException("not a map's type arguments: " + arguments);
    }

    private static Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, PropertyCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
