package org.drizzle.cmdlets.dotnet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * [Environment] and [Environment+SpecialFolder]: process and machine facts. GetFolderPath maps
 * the folders that exist on Linux as .NET does there (XDG locations) and returns "" for the
 * Windows-only ones, again as .NET does on Linux.
 */
final class EnvironmentType {
    /** The SpecialFolder names GetFolderPath understands. */
    enum SpecialFolder {
        Desktop, MyDocuments, Personal, UserProfile, ApplicationData, LocalApplicationData, CommonApplicationData,
        MyMusic, MyPictures, MyVideos, Templates, Fonts, ProgramFiles, ProgramFilesX86, System, Windows,
        CommonProgramFiles, Startup, StartMenu, Programs, InternetCache, Cookies, History, Recent, SendTo
    }

    private EnvironmentType() {
    }

    static List<TypeAdapter> adapters() {
        TypeAdapter env = TypeAdapter.builder("System.Environment")
                .constant("NewLine", "\n")
                .property("MachineName", EnvironmentType::machineName)
                .property("UserName", () -> System.getProperty("user.name"))
                .property("UserDomainName", EnvironmentType::machineName)
                .property("Is64BitOperatingSystem", () -> System.getProperty("os.arch").contains("64"))
                .property("Is64BitProcess", () -> System.getProperty("os.arch").contains("64"))
                .property("ProcessorCount", () -> Runtime.getRuntime().availableProcessors())
                .property("CurrentDirectory", () -> System.getProperty("user.dir"))
                .property("SystemDirectory", () -> "")
                .property("UserInteractive", () -> System.console() != null)
                .property("ProcessId", () -> ProcessHandle.current().pid())
                .property("TickCount64", () -> System.nanoTime() / 1_000_000)
                .property("OSVersion", () -> System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .method("GetEnvironmentVariable", 1, a -> System.getenv(LanguagePrimitives.toStr(a.get(0))))
                .method("GetEnvironmentVariable", 2, a -> System.getenv(LanguagePrimitives.toStr(a.get(0))))
                .method("GetFolderPath", 1, a -> folderPath(a.get(0)))
                .method("GetFolderPath", 2, a -> folderPath(a.get(0)))
                .method("ExpandEnvironmentVariables", 1, a -> expand(LanguagePrimitives.toStr(a.get(0))))
                .build();
        return List.of(env, EnumTypes.of("System.Environment.SpecialFolder", SpecialFolder.class));
    }

    private static String machineName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    static String folderPath(Object folder) {
        SpecialFolder f = folder instanceof SpecialFolder s ? s : LanguagePrimitives.toEnum(SpecialFolder.class, folder);
        String home = System.getProperty("user.home");
        return switch (f) {
            case UserProfile -> home;
            case Desktop -> home + "/Desktop";
            case MyDocuments, Personal -> home + "/Documents";
            case MyMusic -> home + "/Music";
            case MyPictures -> home + "/Pictures";
            case MyVideos -> home + "/Videos";
            case Templates -> home + "/Templates";
            case ApplicationData -> xdg("XDG_CONFIG_HOME", home + "/.config");
            case LocalApplicationData -> xdg("XDG_DATA_HOME", home + "/.local/share");
            case CommonApplicationData -> "/usr/share";
            case Fonts -> home + "/.fonts";
            default -> "";
        };
    }

    private static String xdg(String variable, String fallback) {
        String v = System.getenv(variable);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Replaces %NAME% with the variable's value, leaving unknown names as they are (as .NET). */
    private static String expand(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int start = s.indexOf('%', i);
            int end = start < 0 ? -1 : s.indexOf('%', start + 1);
            if (end < 0) {
                out.append(s, i, s.length());
                break;
            }
            String value = System.getenv(s.substring(start + 1, end));
            out.append(s, i, start).append(value == null ? s.substring(start, end + 1) : value);
            i = end + 1;
        }
        return out.toString();
    }
}
