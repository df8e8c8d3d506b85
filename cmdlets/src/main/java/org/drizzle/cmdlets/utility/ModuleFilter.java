package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PropertyBag;
import org.drizzle.cmdlets.lang.WildcardPattern;

/**
 * Get-Command's -Module (wildcard names) and -FullyQualifiedModule (a name, or a hashtable with
 * ModuleName and optionally ModuleVersion, RequiredVersion or MaximumVersion). Drizzle's modules
 * are all version {@value #VERSION}. No module asked for accepts every command.
 */
record ModuleFilter(List<WildcardPattern> names, List<String> exact) {
    static final String VERSION = "1.0";

    static ModuleFilter of(String[] module, Object[] fullyQualified) {
        List<WildcardPattern> names = new ArrayList<>();
        if (module != null) {
            for (String m : module) {
                names.add(WildcardPattern.of(m));
            }
        }
        List<String> exact = new ArrayList<>();
        if (fullyQualified != null) {
            for (Object spec : fullyQualified) {
                String name = specName(spec);
                if (versionFits(spec, name)) {
                    exact.add(name);
                } else {
                    exact.add("\0"); // a version Drizzle's module does not have: matches nothing
                }
            }
        }
        return new ModuleFilter(names, exact);
    }

    boolean any() {
        return !names.isEmpty() || !exact.isEmpty();
    }

    boolean accepts(String module) {
        if (!any()) {
            return true;
        }
        return !module.isEmpty() && (names.stream().anyMatch(p -> p.matches(module))
                || exact.stream().anyMatch(module::equalsIgnoreCase));
    }

    private static String specName(Object spec) {
        if (spec instanceof Map<?, ?> || spec instanceof PropertyBag) {
            Object n = Members.getProperty(spec, "ModuleName");
            if (n == null || LanguagePrimitives.toStr(n).isBlank()) {
                throw new IllegalArgumentException("Cannot process argument transformation on parameter "
                        + "'FullyQualifiedModule'. The hashtable describing a module must contain the ModuleName key.");
            }
            return LanguagePrimitives.toStr(n);
        }
        return LanguagePrimitives.toStr(spec);
    }

    private static boolean versionFits(Object spec, String name) {
        if (!(spec instanceof Map<?, ?> || spec instanceof PropertyBag)) {
            return true;
        }
        int[] have = version(VERSION, name);
        Object min = Members.getProperty(spec, "ModuleVersion");
        Object required = Members.getProperty(spec, "RequiredVersion");
        Object max = Members.getProperty(spec, "MaximumVersion");
        return (min == null || compare(have, version(LanguagePrimitives.toStr(min), name)) >= 0)
                && (required == null || compare(have, version(LanguagePrimitives.toStr(required), name)) == 0)
                && (max == null || compare(have, version(LanguagePrimitives.toStr(max), name)) <= 0);
    }

    private static int[] version(String text, String module) {
        String[] parts = text.trim().split("\\.");
        int[] v = new int[4];
        try {
            if (parts.length < 2 || parts.length > 4) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < parts.length; i++) {
                v[i] = Integer.parseInt(parts[i]);
                if (v[i] < 0) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cannot convert value \"" + text + "\" to type \"System.Version\" "
                    + "(the version asked for module '" + module + "').");
        }
        return v;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 4; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
