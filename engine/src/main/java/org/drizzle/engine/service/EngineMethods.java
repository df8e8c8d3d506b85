package org.drizzle.engine.service;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobListener;

/**
 * The service protocol's method table, reflected once from {@link EngineClient}: every method
 * is a request of the same name whose params object holds its arguments by parameter name
 * (the engine is compiled with {@code -parameters}). Not on the wire: {@code close} (a client
 * closes its connection) and {@code subscribe} (events need the protocol's subscription ids,
 * {@link RequestDispatcher}). So an engine operation is spelled in EngineClient and its one
 * implementation only; both ends follow.
 */
final class EngineMethods {
    /** One wire method: the interface method, its parameter names and the types to decode. */
    record Entry(Method method, List<String> names, List<JavaType> types, JavaType result) {
    }

    private static final Map<String, Entry> TABLE = reflect(Protocol.mapper());

    private EngineMethods() {
    }

    /** The entry for a wire method name, or null. */
    static Entry byName(String name) {
        return TABLE.get(name);
    }

    /** The entry for an interface method, or null if it does not go over the wire. */
    static Entry of(Method m) {
        Entry e = TABLE.get(m.getName());
        return e != null && e.method().equals(m) ? e : null;
    }

    static Set<String> names() {
        return TABLE.keySet();
    }

    private static Map<String, Entry> reflect(ObjectMapper json) {
        Map<String, Entry> table = new TreeMap<>();
        for (Method m : EngineClient.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getName().equals("close")
                    || Arrays.asList(m.getParameterTypes()).contains(JobListener.class)) {
                continue;
            }
            Parameter[] ps = m.getParameters();
            for (Parameter p : ps) {
                if (!p.isNamePresent()) {
                    throw new IllegalStateException("EngineClient was compiled without -parameters; "
                            + m.getName() + " has no parameter names for the wire.");
                }
            }
            if (table.containsKey(m.getName())) {
                throw new IllegalStateException("EngineClient." + m.getName() + " is overloaded; wire methods need one name each.");
            }
            table.put(m.getName(), new Entry(m, Arrays.stream(ps).map(Parameter::getName).toList(),
                    Arrays.stream(m.getGenericParameterTypes()).map(t -> json.getTypeFactory().constructType(t)).toList(),
                    json.getTypeFactory().constructType(m.getGenericReturnType())));
        }
        return Map.copyOf(table);
    }
}
