package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects every error and warning of one load, each with its path and position. */
public final class Problems {
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final Set<String> covered = new HashSet<>();

    public void error(Node node, String message) {
        error(node.path(), node.mark(), message);
    }

    public void error(String path, Node.Mark mark, String message) {
        errors.add(Problem.error(path, mark.line(), mark.column(), message));
    }

    public void warning(Node node, String message) {
        warnings.add(
                Problem.warning(node.path(), node.mark().line(), node.mark().column(), message));
    }

    public void warning(String path, Node.Mark mark, String message) {
        warnings.add(Problem.warning(path, mark.line(), mark.column(), message));
    }

    /**
     * Marks a path whose absence is explained by an error already reported elsewhere (a malformed
     * alias), so "required key is missing" is not reported for it a second time.
     */
    public void cover(String path) {
        covered.add(path);
    }

    public boolean isCovered(String path) {
        return covered.contains(path);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public int errorCount() {
        return errors.size();
    }

    /** In file order. */
    public List<Problem> errors() {
        return sorted(errors);
    }

    /** In file order. */
    public List<Problem> warnings() {
        return sorted(warnings);
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(Problem.BY_POSITION);
        return List.copyOf(copy);
    }
}
