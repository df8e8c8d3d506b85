package org.drizzle.host.bitsadmin;

import java.util.ArrayList;
import java.util.List;

/** The usage text, drawn from {@link SwitchTable} (the same declarations the parser reads). */
final class Usage {
    static final String LINE = "USAGE: BITSADMIN [/RAWRETURN] [/WRAP | /NOWRAP] command";

    private Usage() {
    }

    /** /HELP and /?. */
    static int print(Invocation in) {
        text().forEach(in.out()::line);
        return 0;
    }

    static List<String> text() {
        List<String> l = new ArrayList<>();
        l.add(LINE);
        l.add("The following commands are available:");
        l.add("");
        for (Switch s : SwitchTable.all()) {
            l.add(pad(s.usage(), 40) + s.help());
        }
        l.add("");
        l.add("The following options can be placed before the command:");
        l.add("/RAWRETURN                              Returns data more suitable for parsing");
        l.add("/WRAP                                   Wraps output around the console (default)");
        l.add("/NOWRAP                                 Does not wrap output around the console");
        l.add("");
        l.add("The /RAWRETURN option strips new line characters and formatting.");
        l.add("It is recognized by the /CREATE and /GET* commands.");
        l.add("");
        l.add("Commands that take a <job> parameter accept either a job name or a job ID");
        l.add("GUID inside braces. BITSADMIN reports an error if a name is ambiguous.");
        return l;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
