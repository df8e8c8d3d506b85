package org.drizzle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the BitsTransfer reference pages (Start/Get/Set/Suspend/Resume/Complete/
 * Remove-BitsTransfer, Add-BitsFile), run as written through the host process: the example
 * text is kept verbatim and only {@code http://server01/servertestdir/} becomes the loopback
 * server and {@code c:\clienttestdir\} a temporary folder. Where a page's example cannot run
 * anywhere as printed (it prompts, or names a cmdlet that does not exist) the adaptation is
 * named in the test. Each test then checks the documented effect on files and jobs.
 */
class DocExamplesTest {
    private static FaultServer server;
    private static final List<Resource> FILES = new ArrayList<>();

    @TempDir
    Path tmp;

    private Path client;
    private HostProcess host;

    @BeforeAll
    static void startServer() {
        server = FaultServer.start();
        for (int i = 1; i <= 4; i++) {
            FILES.add(server.resource("/servertestdir/testfile" + i + ".txt").generated(40_000L * i));
        }
        server.resource("/servertestdir/secret.txt").generated(30_000).requireBasic("user01", "P@ssw0rd");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newStore() throws Exception {
        client = Files.createDirectories(tmp.resolve("clienttestdir"));
        host = new HostProcess(tmp, tmp);
    }

    /** The example with the page's server and client folder mapped to the test's. */
    private String localize(String example) {
        String s = example.replace("http://server01/servertestdir/", server.uri("/servertestdir/").toString());
        return Pattern.compile(Pattern.quote("c:\\clienttestdir\\"), Pattern.CASE_INSENSITIVE)
                .matcher(s).replaceAll(Matcher.quoteReplacement(client + "/"));
    }

    private HostProcess.Run run(String... statements) throws Exception {
        HostProcess.Run r = host.command(localize(String.join("\n", statements)));
        assertThat(r.code()).as(r.all()).isZero();
        return r;
    }

    /**
     * The example as written when the tests run as root; otherwise without -AllUsers, which the
     * pages reserve for administrators (a non-admin gets an error, checked in the Get test).
     */
    private HostProcess.Run runAsAdmin(String... statements) throws Exception {
        String text = String.join("\n", statements);
        HostProcess.Run r = host.command(localize(HostProcess.ROOT ? text : text.replace(" -AllUsers", "")));
        assertThat(r.code()).as(r.all()).isZero();
        return r;
    }

    private void assertDownloaded(int... numbers) {
        for (int n : numbers) {
            assertThat(Sha.of(client.resolve("testfile" + n + ".txt"))).as("testfile%d.txt", n)
                    .isEqualTo(FILES.get(n - 1).content().sha256());
        }
    }

    /** Each job of the store as "DisplayName=JobState/Priority". */
    private List<String> jobs() throws Exception {
        HostProcess.Run r = run("Get-BitsTransfer | ForEach-Object { '{0}={1}/{2}' -f $_.DisplayName, $_.JobState, $_.Priority }");
        return r.out().lines().filter(l -> !l.isBlank()).toList();
    }

    private void writeFileList() throws Exception {
        // As printed on the pages: a space after each comma, header "Source, Destination".
        StringBuilder csv = new StringBuilder("Source, Destination\n");
        for (int i = 1; i <= 4; i++) {
            csv.append(localize("http://server01/servertestdir/testfile" + i + ".txt, c:\\clienttestdir\\testfile" + i + ".txt\n"));
        }
        Files.writeString(tmp.resolve("filelist.txt"), csv);
    }

    private static final String WAIT_ALL_TRANSFERRED =
            "$n = 0; while ((Get-BitsTransfer | Where-Object { $_.JobState -ne 'Transferred' -and $_.JobState -ne 'Suspended' }) -and $n -lt 300) { Start-Sleep -Milliseconds 100; $n++ }";

    @Test
    void startExample1DownloadsOneFileSynchronouslyAlsoInTheShortForm() throws Exception {
        HostProcess.Run r = run(
                "Start-BitsTransfer -Source \"http://server01/servertestdir/testfile1.txt\" -Destination \"c:\\clienttestdir\\testfile1.txt\"",
                "Start-BitsTransfer \"http://server01/servertestdir/testfile2.txt\" \"c:\\clienttestdir\\testfile2.txt\"");
        assertThat(r.out()).as("no output without -Asynchronous").isBlank();
        assertDownloaded(1, 2);
        assertThat(jobs()).as("a finished synchronous job is completed").isEmpty();
    }

    @Test
    void startExample2And6ImportCsvMakesOneJobPerRow() throws Exception {
        writeFileList();
        run("Import-CSV filelist.txt | Start-BitsTransfer");
        assertDownloaded(1, 2, 3, 4);
        assertThat(jobs()).isEmpty();

        for (int i = 1; i <= 4; i++) {
            Files.delete(client.resolve("testfile" + i + ".txt"));
        }
        HostProcess.Run async = run("Import-CSV filelist.txt | Start-BitsTransfer -Asynchronous -Priority Normal | Measure-Object | ForEach-Object Count");
        assertThat(async.out().trim()).isEqualTo("4");
        assertThat(jobs()).hasSize(4).allMatch(j -> j.endsWith("/Normal"));
        run(WAIT_ALL_TRANSFERRED, "Get-BitsTransfer | Complete-BitsTransfer");
        assertDownloaded(1, 2, 3, 4);
        assertThat(jobs()).isEmpty();
    }

    @Test
    void startExample3And8UploadToABitsUploadServer() throws Exception {
        // The upload target is Drizzle's own BITS upload server on a loopback port instead of server01.
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.write(client.resolve("testfile1.txt"), FILES.get(0).content().bytes());
        Files.write(client.resolve("testfile2.txt"), FILES.get(1).content().bytes());
        Files.writeString(tmp.resolve("uploads.txt"), "Source, Destination\n" + client.resolve("testfile2.txt") + ", UP/two.txt\n");
        HostProcess.Run r = run(
                "$s = Start-BitsServer -Root '" + inbox + "' -Port 0 -PassThru",
                "$up = $s.Url.TrimEnd('/')",
                "Start-BitsTransfer -Source \"c:\\clienttestdir\\testfile1.txt\" -Destination \"$up/testfile1.txt\" -TransferType Upload",
                "(Get-Content uploads.txt) -replace 'UP', $up | Set-Content uploads.csv",
                "Import-CSV uploads.csv | Start-BitsTransfer -TransferType Upload",
                "'done'");
        assertThat(r.out().trim()).isEqualTo("done");
        assertThat(Sha.of(inbox.resolve("testfile1.txt"))).isEqualTo(FILES.get(0).content().sha256());
        assertThat(Sha.of(inbox.resolve("two.txt"))).isEqualTo(FILES.get(1).content().sha256());
    }

    @Test
    void startExample4DownloadsSeveralFilesInOneJob() throws Exception {
        run("Start-BitsTransfer -Source \"http://server01/servertestdir/testfile1.txt\", \"http://server01/servertestdir/testfile2.txt\" -Destination \"c:\\clienttestdir\\testfile1.txt\", \"c:\\clienttestdir\\testfile2.txt\"");
        assertDownloaded(1, 2);
    }

    @Test
    void startExample5UsesCredentials() throws Exception {
        // Get-Credential prompts on a terminal; the test passes the password in a file instead.
        Files.writeString(tmp.resolve("pw.txt"), "P@ssw0rd\n");
        HostProcess.Run r = run(
                "$Cred = Get-Credential -UserName user01 -PasswordFile pw.txt",
                "Start-BitsTransfer -DisplayName MyJob -Credential $Cred -Authentication Basic -Source \"http://server01/servertestdir/secret.txt\" -Destination \"c:\\clienttestdir\\testfile1.txt\"",
                "'ok'");
        assertThat(r.err()).as(r.all()).isEmpty();
        assertThat(r.out()).doesNotContain("P@ssw0rd");
        assertThat(Sha.of(client.resolve("testfile1.txt")))
                .isEqualTo(server.resource("/servertestdir/secret.txt").content().sha256());
    }

    @Test
    void startExample7CopiesLocalFilesByWildcard() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("clientsourcedir"));
        Files.writeString(source.resolve("a.txt"), "alpha");
        Files.writeString(source.resolve("b.txt"), "beta");
        Files.writeString(source.resolve("c.log"), "not me");
        Path dest = Files.createDirectories(tmp.resolve("clientdir"));
        run("Start-BitsTransfer -Source " + source + "/*.txt -Destination " + dest + "/ -TransferType Download");
        assertThat(Files.readString(dest.resolve("a.txt"))).isEqualTo("alpha");
        assertThat(Files.readString(dest.resolve("b.txt"))).isEqualTo("beta");
        assertThat(dest.resolve("c.log")).doesNotExist();
    }

    @Test
    void startExample9CopiesThroughAProxyConfigurationWithACredential() throws Exception {
        Files.write(tmp.resolve("Patch0416.msu"), FILES.get(0).content().bytes());
        Path temp = Files.createDirectories(tmp.resolve("temp"));
        // As printed: a bare user name for -ProxyCredential prompts for the password on Windows;
        // unattended, it must fail naming the value and create no job.
        HostProcess.Run printed = host.command("$env:temp = '" + temp + "'\n"
                + "Start-BitsTransfer -Source .\\Patch0416.msu -Destination $env:temp\\Patch0416.msu -ProxyUsage Override -ProxyList BitsProxy:8080 -ProxyCredential Server01\\Admin01");
        assertThat(printed.code()).as(printed.all()).isNotZero();
        assertThat(printed.err()).contains("Server01\\Admin01");
        assertThat(jobs()).isEmpty();
        // With the credential made beforehand and Linux separators it runs; a local source ignores the proxy.
        Files.writeString(tmp.resolve("pw.txt"), "secret\n");
        run("$env:temp = '" + temp + "'",
                "$Cred = Get-Credential -UserName Server01\\Admin01 -PasswordFile pw.txt",
                "Start-BitsTransfer -Source ./Patch0416.msu -Destination $env:temp/Patch0416.msu -ProxyUsage Override -ProxyList BitsProxy:8080 -ProxyCredential $Cred");
        assertThat(Sha.of(temp.resolve("Patch0416.msu"))).isEqualTo(FILES.get(0).content().sha256());
    }

    @Test
    void getExamplesListByOwnerIdWildcardsAndName() throws Exception {
        run("Start-BitsTransfer http://server01/servertestdir/testfile1.txt c:\\clienttestdir\\1.txt -Suspended -Asynchronous -DisplayName TestJob1",
                "Start-BitsTransfer http://server01/servertestdir/testfile2.txt c:\\clienttestdir\\2.txt -Suspended -Asynchronous -DisplayName MicrosoftTest",
                "Start-BitsTransfer http://server01/servertestdir/testfile3.txt c:\\clienttestdir\\3.txt -Suspended -Asynchronous -DisplayName WindowsTest",
                "$null = Start-BitsTransfer http://server01/servertestdir/testfile4.txt c:\\clienttestdir\\4.txt -Suspended -Asynchronous -DisplayName 'BITS Transfer'");
        HostProcess.Run all = run("Get-BitsTransfer");
        assertThat(all.out()).contains("JobId", "DisplayName", "TransferType", "JobState", "OwnerAccount")
                .contains("TestJob1", "MicrosoftTest", "WindowsTest", "BITS Transfer");
        String id = run("(Get-BitsTransfer -Name TestJob1).JobId").out().trim();
        assertThat(id).matches("[0-9a-f-]{36}");

        HostProcess.Run byId = run("Get-BitsTransfer -JobId " + id.toUpperCase());
        assertThat(byId.out()).contains(id, "TestJob1").doesNotContain("WindowsTest");
        HostProcess.Run wild = host.command("Get-BitsTransfer -AllUsers -Name \"*Microsoft*\", \"*Windows*\"");
        if (HostProcess.ROOT) {
            assertThat(wild.out()).as(wild.all()).contains("MicrosoftTest", "WindowsTest").doesNotContain("TestJob1");
        } else {
            assertThat(wild.code()).as("-AllUsers without administrator rights is an error").isNotZero();
        }
        HostProcess.Run byName = run("Get-BitsTransfer -Name \"TestJob1\"");
        assertThat(byName.out()).contains("TestJob1", "Suspended").doesNotContain("MicrosoftTest");
        HostProcess.Run forms = run("(Get-BitsTransfer -Name \"BITS*\").DisplayName",
                "(Get-BitsTransfer -Name \"BITS Transfer\").DisplayName",
                "(Get-BitsTransfer -Name \"BITS Transfe[a-r]\").DisplayName");
        assertThat(forms.out().lines().toList()).containsExactly("BITS Transfer", "BITS Transfer", "BITS Transfer");
    }

    @Test
    void setExamplesChangePriorityOwnerAndProxy() throws Exception {
        String id = run("(Start-BitsTransfer http://server01/servertestdir/testfile1.txt c:\\clienttestdir\\1.txt -Suspended -Asynchronous -DisplayName MicrosoftUpdate).JobId")
                .out().trim();
        HostProcess.Run r = runAsAdmin(
                "$Bits = Get-BitsTransfer -JobId " + id,
                "Set-BitsTransfer -BitsJob $Bits -Priority High | Out-Null",
                "(Get-BitsTransfer -JobId " + id + ").Priority",
                "Get-BitsTransfer -AllUsers -Name *Microsoft* | Set-BitsTransfer -SetOwnerToCurrentUser | ForEach-Object OwnerAccount",
                // The page passes $Cred to -ProxyAuthentication, which takes a scheme name; -ProxyCredential takes the credential.
                "'x' | Set-Content proxy-pw.txt",
                "$Cred = Get-Credential -UserName proxyuser -PasswordFile proxy-pw.txt",
                "Set-BitsTransfer -BitsJob $Bits -ProxyUsage AutoDetect -ProxyCredential $Cred | ForEach-Object ProxyUsage",
                "Get-BitsTransfer | Set-BitsTransfer -ProxyUsage Override -ProxyList \"http://proxy1\", \"http://proxy2:81\" -ProxyBypass \"http://directconnect\" | Out-Null",
                "$j = Get-BitsTransfer -JobId " + id,
                "'{0} {1} {2}' -f $j.ProxyUsage, ($j.ProxyList -join ','), ($j.ProxyBypassList -join ',')");
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("High");
        assertThat(lines.get(1)).isEqualTo(System.getProperty("user.name"));
        assertThat(lines.get(2)).isEqualTo("AutoDetect");
        assertThat(lines.get(3)).startsWith("Override ").contains("proxy1").contains("proxy2:81").contains("directconnect");
    }

    @Test
    void suspendResumeCompleteExamples() throws Exception {
        run("Start-BitsTransfer http://server01/servertestdir/testfile1.txt c:\\clienttestdir\\testfile1.txt -Suspended -Asynchronous -DisplayName TestJob01 | Out-Null",
                "Start-BitsTransfer http://server01/servertestdir/testfile2.txt c:\\clienttestdir\\testfile2.txt -Suspended -Asynchronous -DisplayName TestJob02 | Out-Null",
                "Start-BitsTransfer http://server01/servertestdir/testfile3.txt c:\\clienttestdir\\testfile3.txt -Suspended -Asynchronous -DisplayName testjob1 | Out-Null");
        // Suspend example 1 on already suspended jobs does nothing; example 2 via -AllUsers.
        runAsAdmin("Get-BitsTransfer | Suspend-BitsTransfer | Out-Null", "$Bits = Get-BitsTransfer -AllUsers", "Suspend-BitsTransfer -BitsJob $Bits | Out-Null");
        assertThat(jobs()).containsExactlyInAnyOrder("TestJob01=Suspended/Foreground", "TestJob02=Suspended/Foreground",
                "testjob1=Suspended/Foreground");

        // Resume example 3: synchronous, so the prompt returns with the job finished (and completed).
        run("Get-BitsTransfer -Name \"TestJob01\" | Resume-BitsTransfer");
        assertDownloaded(1);
        assertThat(jobs()).containsExactlyInAnyOrder("TestJob02=Suspended/Foreground", "testjob1=Suspended/Foreground");
        // Resume example 1: every job of the user, synchronously.
        run("Get-BitsTransfer | Resume-BitsTransfer");
        assertDownloaded(2, 3);
        assertThat(jobs()).isEmpty();

        // Complete example 3 by display name, then example 1 for the rest.
        Files.delete(client.resolve("testfile3.txt"));
        run("Start-BitsTransfer http://server01/servertestdir/testfile3.txt c:\\clienttestdir\\testfile3.txt -Asynchronous -DisplayName testjob1 | Out-Null",
                "Start-BitsTransfer http://server01/servertestdir/testfile2.txt c:\\clienttestdir\\again2.txt -Asynchronous -DisplayName other | Out-Null",
                WAIT_ALL_TRANSFERRED);
        assertThat(client.resolve("testfile3.txt")).as("not usable before Complete-BitsTransfer").doesNotExist();
        run("Get-BitsTransfer -Name testjob1 | Complete-BitsTransfer");
        assertDownloaded(3);
        assertThat(jobs()).containsExactly("other=Transferred/Foreground");
        run("Get-BitsTransfer | Complete-BitsTransfer");
        assertThat(Sha.of(client.resolve("again2.txt"))).isEqualTo(FILES.get(1).content().sha256());
        assertThat(jobs()).isEmpty();

        // Complete example 2: every job on the computer, through a variable.
        runAsAdmin("Start-BitsTransfer http://server01/servertestdir/testfile4.txt c:\\clienttestdir\\testfile4.txt -Asynchronous | Out-Null",
                WAIT_ALL_TRANSFERRED, "$Bits = Get-BitsTransfer -AllUsers", "Complete-BitsTransfer -BitsJob $Bits");
        assertDownloaded(4);
        assertThat(jobs()).isEmpty();
    }

    @Test
    void removeExamplesCancelJobsAndDeleteTheirFiles() throws Exception {
        run("Start-BitsTransfer http://server01/servertestdir/testfile1.txt c:\\clienttestdir\\testfile1.txt -Asynchronous -DisplayName done | Out-Null",
                "Start-BitsTransfer http://server01/servertestdir/testfile2.txt c:\\clienttestdir\\testfile2.txt -Suspended -Asynchronous | Out-Null",
                WAIT_ALL_TRANSFERRED);
        assertThat(jobs()).contains("done=Transferred/Foreground");
        run("Get-BitsTransfer | Remove-BitsTransfer");
        assertThat(jobs()).isEmpty();
        assertThat(client.resolve("testfile1.txt")).as("a removed job's finished files are not available").doesNotExist();
        try (var left = Files.list(client)) {
            assertThat(left.toList()).as("no temporary files left").isEmpty();
        }

        run("Start-BitsTransfer http://server01/servertestdir/testfile3.txt c:\\clienttestdir\\testfile3.txt -Suspended -Asynchronous | Out-Null");
        assertThat(jobs()).hasSize(1);
        runAsAdmin("$Bits = Get-BitsTransfer -AllUsers", "Remove-BitsTransfer -BitsJob $Bits");
        assertThat(jobs()).isEmpty();
    }

    @Test
    void addBitsFileExamplesAppendToExistingAndNewJobs() throws Exception {
        String id = run("(Start-BitsTransfer http://server01/servertestdir/testfile3.txt c:\\clienttestdir\\testfile3.txt -Suspended -Asynchronous -DisplayName Adds).JobId").out().trim();
        HostProcess.Run r = run(
                "Get-BitsTransfer -JobId " + id + " | Add-BitsFile -Source http://server01/servertestdir/testfile1.txt -Destination \"c:\\clienttestdir\\testfile1.txt\" | Out-Null",
                "$Bits = Get-BitsTransfer -JobId " + id,
                "Add-BitsFile -BitsJob $Bits -Source \"http://server01/servertestdir/testfile2.txt\", \"http://server01/servertestdir/testfile4.txt\" -Destination \"c:\\clienttestdir\\testfile2.txt\", \"c:\\clienttestdir\\testfile4.txt\" | Out-Null",
                "(Get-BitsTransfer -JobId " + id + ").FilesTotal");
        assertThat(r.out().trim()).isEqualTo("4");
        run("Get-BitsTransfer -JobId " + id + " | Resume-BitsTransfer", WAIT_ALL_TRANSFERRED, "Get-BitsTransfer | Complete-BitsTransfer");
        assertDownloaded(1, 2, 3, 4);
        for (int i = 1; i <= 4; i++) {
            Files.delete(client.resolve("testfile" + i + ".txt"));
        }

        // Example 3 (and Resume example 2): the pages create the job with only -Suspended, which
        // prompts for the mandatory -Source; a first file is given so the example runs unattended.
        writeFileList();
        Files.writeString(tmp.resolve("filelist.txt"), Files.readAllLines(tmp.resolve("filelist.txt")).subList(0, 4)
                .stream().reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n");
        HostProcess.Run created = run(
                "$Bits = Start-BitsTransfer -DisplayName \"MyJob\" -Suspended -Source http://server01/servertestdir/testfile4.txt -Destination c:\\clienttestdir\\testfile4.txt",
                "Import-CSV filelist.txt | Add-BitsFile -BitsJob $Bits | Out-Null",
                "$Bits.FilesTotal",
                "Resume-BitsTransfer -BitsJob $Bits -Asynchronous | ForEach-Object DisplayName",
                WAIT_ALL_TRANSFERRED,
                "Get-BitsTransfer -Name MyJob | Complete-BitsTransfer");
        assertThat(created.out().lines().toList()).containsExactly("4", "MyJob");
        assertDownloaded(1, 2, 3, 4);
    }

    @Test
    void badInputFailsClearlyWithNonZeroExitAndCreatesNoJob() throws Exception {
        String url = server.uri("/servertestdir/testfile1.txt").toString();
        String dest = client.resolve("x.txt").toString();
        record Case(String command, String expected) {
        }
        List<Case> cases = List.of(
                new Case("Start-BitsTranfser -Source " + url + " -Destination " + dest, "Did you mean Start-BitsTransfer?"),
                new Case("Start-BitsTransfer -Source " + url + " -Destinaton " + dest, "'Destinaton'. Did you mean -Destination?"),
                new Case("Start-BitsTransfer -Destination " + dest, "missing mandatory parameters: Source"),
                new Case("Start-BitsTransfer " + url + " " + dest + " -Priority Urgent", "Urgent"),
                new Case("Start-BitsTransfer " + url + " " + dest + " -Asynchronous; if ($true) { 'x'", "<command>:1:"),
                new Case("Start-BitsTransfer '" + url + " " + dest + " -Asynchronous", "<command>:1:20:"));
        for (Case c : cases) {
            HostProcess.Run r = host.command(c.command());
            assertThat(r.code()).as(c.command() + "\n" + r.all()).isNotZero();
            assertThat(r.err()).as(c.command()).contains(c.expected()).doesNotContain("Exception\n\tat ");
        }
        HostProcess.Run urgent = host.command("Start-BitsTransfer " + url + " " + dest + " -Priority Urgent");
        assertThat(urgent.err()).contains("Foreground", "High", "Normal", "Low");
        HostProcess.Run brace = host.command("Start-BitsTransfer " + url + " " + dest + " -Asynchronous; if ($true) { 'x'");
        assertThat(brace.err()).contains("Missing closing '}'").contains("^");
        HostProcess.Run quote = host.command("Start-BitsTransfer '" + url + " " + dest + " -Asynchronous");
        assertThat(quote.err()).contains("missing the terminator").contains("^");
        assertThat(jobs()).isEmpty();
        assertThat(client.resolve("x.txt")).doesNotExist();
    }
}
