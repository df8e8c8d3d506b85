package org.drizzle.cmdlets.dotnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.drizzle.engine.job.JobState;
import org.junit.jupiter.api.Test;

class DotNetTypesTest {
    private static Object call(String type, String method, Object... args) {
        return DotNetTypes.require(type).invokeStatic(method, Arrays.asList(args));
    }

    private static Object get(String type, String member) {
        return DotNetTypes.require(type).getStatic(member);
    }

    @Test
    void namesResolveWithOrWithoutSystemAndByAccelerator() {
        assertThat(DotNetTypes.require("IO.Path").fullName()).isEqualTo("System.IO.Path");
        assertThat(DotNetTypes.require("system.io.path")).isSameAs(DotNetTypes.require("[IO.Path]"));
        assertThat(DotNetTypes.require("Net.ServicePointManager").fullName()).isEqualTo("System.Net.ServicePointManager");
        assertThat(DotNetTypes.require("Diagnostics.Stopwatch").fullName()).isEqualTo("System.Diagnostics.Stopwatch");
        assertThat(DotNetTypes.require("int").fullName()).isEqualTo("System.Int32");
        assertThat(DotNetTypes.require("regex").fullName()).isEqualTo("System.Text.RegularExpressions.Regex");
        assertThat(DotNetTypes.names()).contains("System.Math", "System.Guid", "System.Net.WebClient");
    }

    @Test
    void unknownTypeIsNamed() {
        assertThatThrownBy(() -> DotNetTypes.require("System.Windows.Forms.Form")).isInstanceOf(DotNetException.class)
                .hasMessageStartingWith("Unable to find type [System.Windows.Forms.Form].");
        assertThat(DotNetTypes.find("Nope")).isEmpty();
    }

    @Test
    void pathMembersHandleBothSeparators() {
        assertThat(call("IO.Path", "Combine", "/tmp/a", "b", "c.iso")).isEqualTo("/tmp/a/b/c.iso");
        assertThat(call("IO.Path", "Combine", "/tmp/a", "/etc")).isEqualTo("/etc");
        assertThat(call("IO.Path", "Join", "/tmp/a", "/etc")).isEqualTo("/tmp/a/etc");
        assertThat(call("IO.Path", "GetFileName", "C:\\drivers\\bios.exe")).isEqualTo("bios.exe");
        assertThat(call("IO.Path", "GetFileNameWithoutExtension", "/x/setup.tar.gz")).isEqualTo("setup.tar");
        assertThat(call("IO.Path", "GetExtension", "/x/setup.tar.gz")).isEqualTo(".gz");
        assertThat(call("IO.Path", "GetExtension", "/x/README")).isEqualTo("");
        assertThat(call("IO.Path", "GetDirectoryName", "/x/y/z.txt")).isEqualTo("/x/y");
        assertThat(call("IO.Path", "GetDirectoryName", "/z.txt")).isEqualTo("/");
        assertThat(call("IO.Path", "GetDirectoryName", "/")).isNull();
        assertThat((String) call("IO.Path", "GetRandomFileName")).matches("[a-z0-9]{8}\\.[a-z0-9]{3}");
        assertThat((String) call("IO.Path", "GetTempPath")).endsWith("/");
    }

    @Test
    void tempFileNameCreatesAnEmptyFile() throws Exception {
        Path p = Path.of((String) call("IO.Path", "GetTempFileName"));
        try {
            assertThat(p).exists().isEmptyFile();
        } finally {
            Files.deleteIfExists(p);
        }
    }

    @Test
    void environmentMembers() {
        assertThat(get("Environment", "NewLine")).isEqualTo("\n");
        assertThat(get("Environment", "UserName")).isEqualTo(System.getProperty("user.name"));
        assertThat(call("Environment", "GetEnvironmentVariable", "PATH")).isEqualTo(System.getenv("PATH"));
        assertThat(call("Environment", "GetFolderPath", "UserProfile")).isEqualTo(System.getProperty("user.home"));
        assertThat(call("Environment", "GetFolderPath", get("Environment+SpecialFolder", "Desktop")))
                .isEqualTo(System.getProperty("user.home") + "/Desktop");
        assertThat(call("Environment", "GetFolderPath", "ProgramFiles")).isEqualTo("");
        assertThatThrownBy(() -> call("Environment", "GetFolderPath", "Bogus")).hasMessageContaining("Bogus");
    }

    @Test
    void stringStatics() {
        assertThat(call("string", "IsNullOrEmpty", (Object) null)).isEqualTo(true);
        assertThat(call("string", "IsNullOrEmpty", " ")).isEqualTo(false);
        assertThat(call("string", "IsNullOrWhiteSpace", " \t")).isEqualTo(true);
        assertThat(call("string", "Join", ", ", List.of("a", "b", "c"))).isEqualTo("a, b, c");
        assertThat(call("string", "Join", "-", "a", "b")).isEqualTo("a-b");
        assertThat(DotNetTypes.require("string").convert(null)).isEqualTo("");
    }

    @Test
    void regexIsCaseSensitiveAndUsesDotNetReplacementSyntax() {
        assertThat(call("regex", "Escape", "a.b*c (1)")).isEqualTo("a\\.b\\*c\\ \\(1\\)");
        RegexMatch m = (RegexMatch) call("regex", "Match", "file-v1.2.iso", "v(?<major>\\d+)\\.(\\d+)");
        assertThat(m.success()).isTrue();
        assertThat(m.value()).isEqualTo("v1.2");
        assertThat(m.groups().get("major").value()).isEqualTo("1");
        assertThat(m.groups().get(2).value()).isEqualTo("2");
        assertThat(m.groups().get("missing").success()).isFalse();
        assertThat(((RegexMatch) call("regex", "Match", "ABC", "abc")).success()).isFalse();
        assertThat(((RegexMatch) call("regex", "Match", "ABC", "abc", "IgnoreCase")).success()).isTrue();
        assertThat(call("regex", "Replace", "a1b22", "(\\d+)", "<$1>$$")).isEqualTo("a<1>$b<22>$");
        assertThat((List<?>) call("regex", "Matches", "a1b22c333", "\\d+")).hasSize(3);
        assertThatThrownBy(() -> call("regex", "Match", "x", "(")).hasMessageContaining("Invalid pattern '('");
        Object instance = DotNetTypes.require("regex").construct(List.of("^\\d+$"));
        assertThat(InstanceMembers.invokeMethod(instance, "IsMatch", List.of("123"))).isEqualTo(true);
    }

    @Test
    void guidVersionUri() {
        assertThat(call("guid", "NewGuid")).isInstanceOf(UUID.class);
        assertThat(get("guid", "Empty").toString()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(DotNetTypes.require("guid").convert("{0F8FAD5B-D9CB-469F-A165-70867728950E}"))
                .isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertThatThrownBy(() -> DotNetTypes.require("guid").convert("xyz")).hasMessageContaining("\"xyz\"")
                .hasMessageContaining("System.Guid");
        DotNetVersion v = (DotNetVersion) DotNetTypes.require("version").convert("1.10.0");
        assertThat(v.compareTo((DotNetVersion) DotNetTypes.require("version").convert("1.9"))).isPositive();
        assertThat(v.toString()).isEqualTo("1.10.0");
        assertThat(InstanceMembers.getProperty(v, "Minor")).isEqualTo(10);
        URI u = (URI) DotNetTypes.require("uri").convert("https://example.test/files/a.iso?x=1");
        assertThat(InstanceMembers.getProperty(u, "Host")).isEqualTo("example.test");
        assertThat(InstanceMembers.getProperty(u, "Port")).isEqualTo(443);
        assertThat((Object[]) InstanceMembers.getProperty(u, "Segments")).containsExactly("/", "files/", "a.iso");
        assertThat(InstanceMembers.getProperty(u, "Query")).isEqualTo("?x=1");
    }

    @Test
    void numericLimitsAndCasts() {
        assertThat(get("int", "MaxValue")).isEqualTo(Integer.MAX_VALUE);
        assertThat(get("long", "MinValue")).isEqualTo(Long.MIN_VALUE);
        assertThat(get("uint64", "MaxValue")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(get("ulong", "MaxValue")).isEqualTo(get("System.UInt64", "MaxValue"));
        assertThat(DotNetTypes.require("int").convert(2.5)).isEqualTo(2);
        assertThat(DotNetTypes.require("int").convert(3.5)).isEqualTo(4);
        assertThat(DotNetTypes.require("uint64").convert("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThatThrownBy(() -> DotNetTypes.require("uint64").convert(-1)).hasMessageContaining("UInt64");
        assertThatThrownBy(() -> DotNetTypes.require("int").convert(3_000_000_000L)).hasMessageContaining("Int32");
        assertThat(DotNetTypes.require("int").isInstance(5)).isTrue();
        assertThat(DotNetTypes.require("int").isInstance("5")).isFalse();
        assertThat(DotNetTypes.tryConvert(DotNetTypes.require("int"), "abc")).isNull();
        assertThat(DotNetTypes.require("double").convert("1.5")).isEqualTo(1.5);
        assertThat(call("bool", "Parse", "TRUE")).isEqualTo(true);
        assertThat(InstanceMembers.invokeMethod(255, "ToString", List.of("X4"))).isEqualTo("00FF");
    }

    @Test
    void stopwatchMeasuresAndStops() throws Exception {
        Stopwatch sw = (Stopwatch) call("Diagnostics.Stopwatch", "StartNew");
        Thread.sleep(30);
        sw.stop();
        long ms = (Long) InstanceMembers.getProperty(sw, "ElapsedMilliseconds");
        assertThat(ms).isGreaterThanOrEqualTo(30);
        Thread.sleep(20);
        assertThat(InstanceMembers.getProperty(sw, "ElapsedMilliseconds")).isEqualTo(ms);
        assertThat(InstanceMembers.getProperty(sw, "Elapsed")).isInstanceOf(Duration.class);
        InstanceMembers.invokeMethod(sw, "Restart", List.of());
        assertThat(InstanceMembers.getProperty(sw, "IsRunning")).isEqualTo(true);
    }

    @Test
    void servicePointManagerStoresTheProtocol() {
        TypeAdapter spm = DotNetTypes.require("Net.ServicePointManager");
        Object tls12 = get("Net.SecurityProtocolType", "Tls12");
        spm.setStatic("SecurityProtocol", tls12);
        assertThat(spm.getStatic("SecurityProtocol")).isEqualTo(SecurityProtocolType.Tls12);
        assertThatThrownBy(() -> spm.setStatic("ServerCertificateValidationCallback", null))
                .hasMessageContaining("ServerCertificateValidationCallback");
        assertThatThrownBy(() -> DotNetTypes.require("math").setStatic("PI", 3)).hasMessageContaining("ReadOnly");
    }

    @Test
    void bitsModuleTypesResolve() {
        String ns = "Microsoft.BackgroundIntelligentTransfer.Management.";
        assertThat(get(ns + "BitsJobState", "Suspended")).isEqualTo(JobState.SUSPENDED);
        assertThat(get(ns + "BitsJobState", "TransientError")).isEqualTo(JobState.TRANSIENT_ERROR);
        assertThat(DotNetTypes.require(ns + "BitsJobState").convert("transient_error")).isEqualTo(JobState.TRANSIENT_ERROR);
        assertThat(DotNetTypes.require(ns + "PriorityValue").convert("Low").toString()).isEqualTo("LOW");
        TypeAdapter jobs = DotNetTypes.require(ns + "BitsJob[]");
        assertThat(jobs.convert(List.of())).isEqualTo(new Object[0]);
        assertThatThrownBy(() -> jobs.convert(List.of("not a job"))).hasMessageContaining("BitsJob");
    }

    @Test
    void unknownInstanceMethodIsNamed() {
        assertThatThrownBy(() -> InstanceMembers.invokeMethod(Duration.ZERO, "Frob", List.of()))
                .hasMessageContaining("[System.TimeSpan]").hasMessageContaining("'Frob'");
    }

    @Test
    void coreTypesForParamBlocksAndCollections(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThat(DotNetTypes.require("switch").convert(1)).isEqualTo(true);
        assertThat(DotNetTypes.require("object").isInstance("x")).isTrue();
        assertThat(DotNetTypes.require("array").convert("one")).isEqualTo(new Object[] {"one"});
        assertThat(DotNetTypes.require("hashtable").convert(java.util.Map.of("a", 1))).isInstanceOf(org.drizzle.cmdlets.lang.Hashtable.class);
        assertThatThrownBy(() -> DotNetTypes.require("hashtable").convert("x")).hasMessageContaining("Hashtable");
        Object list = DotNetTypes.require("System.Collections.Generic.List[string]").construct(List.of());
        InstanceMembers.invokeMethod(list, "Add", List.of("a"));
        assertThat(InstanceMembers.getProperty(list, "Count")).isEqualTo(1);
        assertThat(DotNetTypes.require("System.Collections.ArrayList").isInstance(list)).isTrue();
        Path f = dir.resolve("id.txt");
        call("IO.File", "WriteAllText", f.toString(), "0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(call("IO.File", "Exists", f.toString())).isEqualTo(true);
        assertThat(DotNetTypes.require("guid").convert(call("IO.File", "ReadAllText", f.toString())))
                .isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertThat((Object[]) call("IO.Directory", "GetFiles", dir.toString(), "*.txt")).containsExactly(f.toString());
        assertThatThrownBy(() -> call("IO.File", "ReadAllText", dir.resolve("none").toString()))
                .hasMessageContaining("Could not find file").hasMessageContaining("none");
    }

    @Test
    void stringInstanceMethodsThroughInstanceMembers() {
        String s = "  Setup-V2.EXE ";
        assertThat(InstanceMembers.invokeMethod(s, "Trim", List.of())).isEqualTo("Setup-V2.EXE");
        assertThat(InstanceMembers.invokeMethod("a,b,,c", "Split", List.of(","))).isEqualTo(List.of("a", "b", "", "c"));
        assertThat(InstanceMembers.invokeMethod("a.b", "Replace", List.of(".", "-"))).isEqualTo("a-b");
        assertThat(InstanceMembers.invokeMethod("file.iso", "EndsWith", List.of(".iso"))).isEqualTo(true);
        assertThat(InstanceMembers.invokeMethod("file.iso", "StartsWith", List.of("FILE"))).isEqualTo(false);
        assertThat(InstanceMembers.invokeMethod("file.iso", "Contains", List.of("e.i"))).isEqualTo(true);
        assertThat(InstanceMembers.invokeMethod("abc", "ToUpper", List.of())).isEqualTo("ABC");
        assertThat(InstanceMembers.invokeMethod("ABC", "ToLower", List.of())).isEqualTo("abc");
        assertThat(InstanceMembers.invokeMethod("abcdef", "Substring", List.of(2, 3))).isEqualTo("cde");
        assertThat(InstanceMembers.invokeMethod("abcdef", "IndexOf", List.of("d"))).isEqualTo(3);
        assertThat(InstanceMembers.invokeMethod("7", "PadLeft", List.of(3, "0"))).isEqualTo("007");
        assertThat(InstanceMembers.invokeMethod("ab", "PadRight", List.of(4))).isEqualTo("ab  ");
        assertThat(InstanceMembers.getProperty("abc", "Length")).isEqualTo(3);
        assertThatThrownBy(() -> InstanceMembers.invokeMethod("abc", "Frobnicate", List.of()))
                .hasMessageContaining("'Frobnicate'").hasMessageContaining("System.String");
        assertThat(InstanceMembers.hasProperty(Duration.ZERO, "TotalSeconds")).isTrue();
        assertThat(InstanceMembers.hasProperty(Duration.ZERO, "Bogus")).isFalse();
    }
}
