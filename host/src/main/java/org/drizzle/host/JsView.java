package org.drizzle.host;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.ValueFormatter;
import org.openjdk.nashorn.api.scripting.AbstractJSObject;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * A command's output object as JS sees it: {@code job.JobState} reads the property live
 * through {@link Members} (case-insensitive), enums read as their names, nested objects wrap
 * too. Values going back into commands are unwrapped and JS arrays become lists.
 */
public final class JsView extends AbstractJSObject {
    private final Object target;

    private JsView(Object target) {
        this.target = target;
    }

    static Object wrap(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Enum<?> || Members.isScalar(v)) {
            return ValueFormatter.format(v);
        }
        if (LanguagePrimitives.isEnumerable(v)) {
            return LanguagePrimitives.toList(v).stream().map(JsView::wrap).toArray();
        }
        return new JsView(v);
    }

    static Object unwrap(Object v) {
        if (v instanceof JsView j) {
            return j.target;
        }
        if (v instanceof ScriptObjectMirror m && m.isArray()) {
            List<Object> out = new ArrayList<>();
            m.values().forEach(x -> out.add(unwrap(x)));
            return out;
        }
        if (v instanceof Object[] a) {
            List<Object> out = new ArrayList<>();
            for (Object x : a) {
                out.add(unwrap(x));
            }
            return out;
        }
        return v;
    }

    @Override
    public Object getMember(String name) {
        if (name.equals("toString")) {
            return new AbstractJSObject() {
                @Override
                public Object call(Object thiz, Object... args) {
                    return LanguagePrimitives.toStr(target);
                }

                @Override
                public boolean isFunction() {
                    return true;
                }
            };
        }
        return wrap(Members.getProperty(target, name));
    }

    @Override
    public boolean hasMember(String name) {
        return Members.hasProperty(target, name);
    }

    @Override
    public void setMember(String name, Object value) {
        Members.setProperty(target, name, unwrap(value));
    }

    @Override
    public Set<String> keySet() {
        return new LinkedHashSet<>(Members.propertyNames(target));
    }

    @Override
    public Object getDefaultValue(Class<?> hint) {
        return LanguagePrimitives.toStr(target);
    }
}
