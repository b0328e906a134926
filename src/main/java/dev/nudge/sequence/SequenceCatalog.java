package dev.nudge.sequence;

import dev.nudge.NudgeException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sequences loaded at start-up, by name. */
public final class SequenceCatalog {

    private final Map<String, Sequence> byName = new LinkedHashMap<>();

    public SequenceCatalog(List<Sequence> sequences) {
        for (Sequence s : sequences) {
            byName.put(s.name(), s);
        }
    }

    public Sequence get(String name) {
        Sequence s = byName.get(name);
        if (s == null) {
            throw new NudgeException.NotFound("Sequence not found (sequence: " + name + "); known: "
                    + String.join(", ", byName.keySet()));
        }
        return s;
    }

    public Collection<Sequence> all() {
        return byName.values();
    }
}
