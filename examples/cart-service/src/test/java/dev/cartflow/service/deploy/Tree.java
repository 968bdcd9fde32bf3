package dev.cartflow.service.deploy;

import java.util.List;
import java.util.Map;

/** Reading a parsed YAML tree by dotted paths, failing with the path when a node is missing or of another type. */
final class Tree {
    private Tree() {
    }

    /** The node at a dotted path ({@code spec.template.spec}), or null when a step is missing. */
    static Object at(Object root, String path) {
        Object node = root;
        for (String step : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(step);
        }
        return node;
    }

    /** The map at a dotted path. */
    static Map<String, Object> map(Object root, String path) {
        return map(required(root, path));
    }

    /** The list at a dotted path. */
    static List<Object> list(Object root, String path) {
        Object node = required(root, path);
        if (!(node instanceof List<?> list)) {
            throw new AssertionError(path + " is not a list: " + node);
        }
        @SuppressWarnings("unchecked")
        List<Object> typed = (List<Object>) list;
        return typed;
    }

    /** The scalar at a dotted path, as text. */
    static String text(Object root, String path) {
        return String.valueOf(required(root, path));
    }

    /** A node as a map. */
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new AssertionError("not a map: " + node);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
    }

    private static Object required(Object root, String path) {
        Object node = at(root, path);
        if (node == null) {
            throw new AssertionError("missing " + path);
        }
        return node;
    }
}
