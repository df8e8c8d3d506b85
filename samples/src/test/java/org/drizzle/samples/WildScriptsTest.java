package org.drizzle.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the adapted copies of public admin scripts ({@code samples/wild/adapted}, sources in
 * {@code samples/wild/SOURCES.md}) through the host process against a loopback server, and checks
 * that each did its job: the files it fetches on disk with the server's bytes, and its exit code.
 * The adapted scripts read the server from {@code $env:DZ_WILD_BASE} and their folder from
 * {@code $env:DZ_WILD_OUT}; nothing else in them differs from the originals.
 */
class WildScriptsTest {
    private static FaultServer server;
    private static String base;

    @TempDir
    Path tmp;

    private Path work;
    private HostProcess host;

    @BeforeAll
    static void startServer() {
        server = FaultServer.start();
        base = server.uri("/w").toString();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newStore() throws Exception {
        work = Files.createDirectories(tmp.resolve("work"));
        host = new HostProcess(tmp, work).env("DZ_WILD_BASE", base).env("DZ_WILD_OUT", work.toString())
                .env("TEMP", Files.createDirectories(tmp.resolve("temp")).toString());
    }

    private static Resource file(String name, long size) {
        return server.resource("/w/" + name).generated(size);
    }

    /**
     * The copy of a public script in {@code samples/wild/<folder>}; when it is absent, this test alone is skipped
     * with its name (the third-party copies are not committed: SOURCES.md says where each comes from).
     */
    private static Path wildCopy(String folder, String name) {
        Path copy = HostProcess.wild().resolve(folder).resolve(name);
        assumeTrue(Files.isRegularFile(copy), () -> "samples/wild/" + folder + "/" + name
                + " is absent (third-party, not committed): fetch it as samples/wild/SOURCES.md says");
        return copy;
    }

    /** Copies the adapted script into the working folder (as an admin would) and runs it with its arguments. */
    private HostProcess.Run script(String name, String... args) throws Exception {
        Path copy = Files.copy(wildCopy("adapted", name), work.resolve(name));
        List<String> all = new ArrayList<>(List.of(copy.toString()));
        all.addAll(List.of(args));
        return host.drizzle(all.toArray(String[]::new));
    }

    /** Dot-sources a function library from the working folder and runs {@code call}. */
    private HostProcess.Run library(String name, String call) throws Exception {
        Files.copy(wildCopy("adapted", name), work.resolve(name));
        return host.command(". ./" + name + "; " + call);
    }

    private static void assertNoJava(HostProcess.Run r) {
        assertThat(r.out() + r.err()).as(r.all()).doesNotContain("java.").doesNotContain("Exception in thread")
                .doesNotContainPattern("\\tat [a-z]");
    }

    private void assertFetched(Path file, Resource r) throws Exception {
        assertThat(file).exists();
        assertThat(Sha.of(file)).isEqualTo(r.content().sha256());
    }

    @Test
    void archerSynchronousDownloadNextToTheScript() throws Exception {
        Resource r = file("10meg.test", 300_000);
        HostProcess.Run run = script("01-archer-download-msys2.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("10meg.test"), r);
        assertThat(run.out()).contains("Time taken: ");
        assertNoJava(run);
    }

    /**
     * This version of bitscopy.ps1 calls Format-FileSize, which only a later commit defines: as in pwsh the call
     * inside the polling loop is a terminating error, the finally block cancels the live job. With the function
     * defined (as the later version does) the same loop copies the file and completes the job.
     */
    @Test
    void bitscopyPollsTheLiveJobAndCompletesIt() throws Exception {
        Resource r = file("copy.bin", 2_000_000).slow(8_000_000);
        String call = "Wait-BITSCopy '" + base + "/copy.bin' '" + work.resolve("copy.bin") + "'";
        HostProcess.Run asPublished = library("02-bitscopy.ps1", call);
        assertThat(asPublished.err()).as(asPublished.all()).contains("'Format-FileSize' is not recognized");
        assertThat(asPublished.out()).contains("Canceled file copy");
        assertThat(work.resolve("copy.bin")).doesNotExist();
        assertNoJava(asPublished);

        HostProcess.Run fixed = host.command("function Format-FileSize([uint64]$Bytes) { \"$Bytes B\" }; . ./02-bitscopy.ps1; bcp '"
                + base + "/copy.bin' '" + work.resolve("copy.bin") + "'");
        assertFetched(work.resolve("copy.bin"), r);
        assertThat(fixed.out()).as(fixed.all()).contains("File copy complete! (2000000 B)").doesNotContain("Canceled file copy");
        assertThat(fixed.code()).isZero();
    }

    @Test
    void packerIsoDownloadPipesTheJobToGetBitsTransfer() throws Exception {
        Resource r = file("server.iso", 500_000);
        HostProcess.Run run = script("03-packer-download-iso.ps1", "-Uri", base + "/server.iso", "-Outfile", work.resolve("server.iso").toString());
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("server.iso"), r);
        assertThat(run.out()).contains("Starting iso download.").contains("Download time taken (Minutes:Seconds): 0:");
        assertNoJava(run);
    }

    @Test
    void msCatalogDownloadsWithBitsAndWithWebClient() throws Exception {
        Resource a = file("kb1.msu", 120_000);
        Resource b = file("kb2.msu", 80_000);
        HostProcess.Run run = library("04-mscatalog-invoke-downloadfile.ps1",
                "Invoke-DownloadFile -Uri '" + base + "/kb1.msu' -Path '" + work.resolve("kb1.msu") + "' -UseBits; "
                        + "Invoke-DownloadFile -Uri '" + base + "/kb2.msu' -Path '" + work.resolve("kb2.msu") + "'");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("kb1.msu"), a);
        assertFetched(work.resolve("kb2.msu"), b);
    }

    @Test
    void labilityResolvesTheProviderPathAndReturnsTheFile() throws Exception {
        Resource r = file("lab.vhdx", 150_000);
        HostProcess.Run run = library("06-lability-invoke-bitstransferdownload.ps1",
                "(Invoke-BitsTransferDownload -DestinationPath ./lab.vhdx -Uri '" + base + "/lab.vhdx').FullName");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("lab.vhdx"), r);
        assertThat(run.out().trim()).isEqualTo(work.resolve("lab.vhdx").toString());
    }

    @Test
    void upgradePowershellDownloadsThenStopsAtTheWindowsInstaller() throws Exception {
        Resource r = file("PowerShell-7.3.2-win-x64.msi", 90_000);
        HostProcess.Run run = script("07-upgrade-powershell.ps1");
        assertFetched(work.resolve("PowerShell-7.3.2-win-x64.msi"), r);
        assertThat(run.err()).as(run.all()).contains("msiexec.exe").contains("is not recognized");
        assertNoJava(run);
    }

    @Test
    void psiphonTakesItsArgumentsAndJoinsABackslashChildPath() throws Exception {
        Resource r = file("psiphon3.exe", 60_000);
        Files.createDirectories(work.resolve("Download"));
        HostProcess.Run run = script("08-psiphon-download-install.ps1", "psiphon3.exe", base + "/psiphon3.exe");
        assertFetched(work.resolve("Download/psiphon3.exe"), r);
        assertThat(run.out()).as(run.all()).contains("Starting to download the file ...");
        assertNoJava(run);
    }

    @Test
    void turboDeleteReadsTempThroughBracedEnvSyntax() throws Exception {
        Resource r = file("Turbo-Delete.exe", 70_000);
        HostProcess.Run run = script("09-turbo-delete-install.ps1");
        assertFetched(tmp.resolve("temp/Turbo-Delete.exe"), r);
        assertThat(run.out()).as(run.all()).contains("Installing Turbo Delete");
        assertNoJava(run);
    }

    @Test
    void downloadAllStartsAsynchronousJobsAndCompletesThemInBatches() throws Exception {
        List<Resource> parts = new ArrayList<>();
        for (int i = 0; i <= 21; i++) {
            parts.add(file("seq/" + i + ".ts", 4_000 + i));
        }
        Files.createDirectories(work.resolve("dw"));
        HostProcess.Run run = script("10-downloadall.ps1");
        assertNoJava(run);
        int done = 0;
        for (int i = 0; i <= 21; i++) {
            Path f = work.resolve("dw/" + i + ".ts");
            if (Files.exists(f)) {
                assertFetched(f, parts.get(i));
                done++;
            }
        }
        assertThat(done).as(run.all()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void exchangePrerequisitesRetryLoopWithTranscript() throws Exception {
        Resource r = file("UcmaRuntimeSetup.exe", 110_000);
        HostProcess.Run run = script("11-exchange-download-prerequisites.ps1", "-source", base + "/UcmaRuntimeSetup.exe");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("Exchangeinstall/UcmaRuntimeSetup.exe"), r);
        assertThat(work.resolve("cfn/log/Download-PreRequisites.ps1.txt")).exists();
        assertNoJava(run);
    }

    @Test
    void promptedDownload() throws Exception {
        Resource r = file("typed.bin", 40_000);
        HostProcess.Run run = script("12-zalex-bitstransfer.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("typed.bin"), r);
    }

    @Test
    void osdSuneDiscoveryAndRemediationOfErroredJobs() throws Exception {
        assumeTrue(HostProcess.ROOT, "needs root: the scripts list jobs with -AllUsers");
        wildCopy("adapted", "13-osdsune-discovery.ps1");
        wildCopy("adapted", "14-osdsune-remediate.ps1");
        server.resource("/w/gone.bin").failAlways(404);
        HostProcess.Run setup = host.command("$j = Start-BitsTransfer '" + base + "/gone.bin' '" + work.resolve("gone.bin")
                + "' -Asynchronous -DisplayName broken; $n = 0; while ($j.JobState -ne 'Error' -and $n -lt 200) { Start-Sleep -Milliseconds 100; $n++ }; $j.JobState");
        assertThat(setup.out().trim()).as(setup.all()).isEqualTo("Error");

        HostProcess.Run before = script("13-osdsune-discovery.ps1");
        assertThat(before.out().trim()).as(before.all()).isEqualTo("Non-Compliant");
        HostProcess.Run fix = script("14-osdsune-remediate.ps1");
        assertThat(fix.code()).as(fix.all()).isZero();
        Files.delete(work.resolve("13-osdsune-discovery.ps1"));
        HostProcess.Run after = script("13-osdsune-discovery.ps1");
        assertThat(after.out().trim()).as(after.all()).isEqualTo("Compliant");
    }

    @Test
    void adobeUninstallerCreatesTheFolderAndDownloadsIntoIt() throws Exception {
        Resource r = file("AdobeUninstaller.exe", 30_000);
        HostProcess.Run run = script("15-adobe-uninstaller.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("Temp/AdobeUninstaller.exe"), r);
    }

    @Test
    void guardianDownloadToFile() throws Exception {
        Resource r = file("php.zip", 90_000);
        HostProcess.Run run = library("16-guardian-common.ps1", "DownloadToFile '" + base + "/php.zip' php.zip");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("php.zip"), r);
        assertThat(run.out()).contains("Attempting to download").doesNotContain("An error occurred");
    }

    @Test
    void threeWaysToDownload() throws Exception {
        Resource npp = file("npp.7.8.6.bin.7z", 100_000);
        Resource meg = file("10meg.test", 300_000);
        HostProcess.Run run = script("17-learning-download.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("npp.7.8.6.bin.7z"), npp);
        assertFetched(work.resolve("10meg.test"), meg);
    }

    /**
     * As in pwsh: the script tests {@code StartsWith($systemFolder)} with a variable it never sets; $null converts
     * to "" for a string argument, every path starts with "", so it refuses to run and exits 1 before downloading.
     */
    @Test
    void vsRemoteToolFailsAsInPowerShell() throws Exception {
        file("RemoteTools.amd64ret.enu.exe", 10_000);
        HostProcess.Run run = script("18-vsremotetool.ps1");
        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("Please switch to another non-system folder and retry");
        assertThat(work.resolve("RemoteTools.amd64ret.enu.exe")).doesNotExist();
        assertNoJava(run);
    }

    @Test
    void gtoolkitRelativeDestination() throws Exception {
        Resource r = file("GlamorousToolkitWin64.zip", 200_000);
        HostProcess.Run run = script("19-gtoolkit-win3-download.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("GlamorousToolkitWin64.zip"), r);
    }

    @Test
    void sobelWgetAsksTheWebClientProxyFirst() throws Exception {
        Resource r = file("sobel.zip", 50_000);
        HostProcess.Run run = script("20-sobel-wget.ps1", base + "/sobel.zip");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("sobel.zip"), r);
    }

    @Test
    void sharepointPrerequisitesIntoOneFolder() throws Exception {
        String[] names = {"sqlncli.msi", "Synchronization.msi", "WindowsServerAppFabricSetup_x64.exe",
                "AppFabric1.1-RTM-KB2671763-x64-ENU.exe", "Windows6.1-KB974405-x64.msu", "MicrosoftIdentityExtensions-64.msi",
                "setup_msipc_x64.msi", "WcfDataServices.exe"};
        List<Resource> rs = new ArrayList<>();
        for (String n : names) {
            rs.add(file("sp/" + n, 10_000 + n.length()));
        }
        Path sp = Files.createDirectories(work.resolve("sp"));
        HostProcess.Run run = script("21-sharepoint-download-spfiles.ps1", "-SPFiles", sp.toString());
        assertThat(run.code()).as(run.all()).isZero();
        for (int i = 0; i < names.length; i++) {
            assertFetched(sp.resolve(names[i]), rs.get(i));
        }
    }

    @Test
    void capturedVideosCopiedToTwoSharesThenRemoved() throws Exception {
        Path data = Files.createDirectories(work.resolve("Data"));
        Files.write(data.resolve("take1.mp4"), new byte[70_000]);
        Files.writeString(data.resolve("notes.txt"), "not a video");
        Files.createDirectories(work.resolve("share1"));
        Files.createDirectories(work.resolve("share2"));
        HostProcess.Run run = script("22-bmd-transfer.ps1");
        assertThat(run.out()).as(run.all()).doesNotContain("exception");
        assertThat(work.resolve("share1/take1.mp4")).hasSize(70_000);
        assertThat(work.resolve("share2/take1.mp4")).hasSize(70_000);
        assertThat(data.resolve("take1.mp4")).doesNotExist();
        assertThat(data.resolve("notes.txt")).exists();
    }

    /** The upstream file does not parse in PowerShell either (a stray closing brace): a positioned parse error. */
    @Test
    void brokenUpstreamScriptGetsAPositionedParseError() throws Exception {
        Path copy = Files.copy(wildCopy("original", "05-dkbrookie-get-filedownload.ps1"),
                work.resolve("05-dkbrookie-get-filedownload.ps1"));
        HostProcess.Run run = host.drizzle(copy.toString());
        assertThat(run.code()).as(run.all()).isNotZero();
        assertThat(run.err()).contains("05-dkbrookie-get-filedownload.ps1:");
        assertNoJava(run);
    }

    /** The repository's bin/ first on PATH, so {@code bitsadmin} is Drizzle's bin/bitsadmin. */
    private HostProcess withBinOnPath() {
        Path bin = HostProcess.wild().toAbsolutePath().getParent().getParent().resolve("bin");
        return host.env("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
    }

    private static void tree(Path root, String... files) throws Exception {
        for (String f : files) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "content of " + f);
        }
    }

    private static void sameTree(Path from, Path to, String... files) throws Exception {
        for (String f : files) {
            assertThat(to.resolve(f)).as(f).hasContent("content of " + f);
        }
    }

    /** bitsadmin /create on PATH, then ForEach-Object -Begin/-Process/-End with Add-BitsFile, Set- and Resume-BitsTransfer, after {@code &&}. */
    @Test
    void dlImagesCreatesTheJobWithBitsadminAndResumesIt() throws Exception {
        String[] names = {"fBmIASF.jpg", "3zxD6rz.jpg", "nKBgeLOr.jpg", "yVjJZ1Yr.jpg"};
        List<Resource> rs = new ArrayList<>();
        for (String n : names) {
            rs.add(file(n, 6_000 + n.length()));
        }
        Path img = Files.createDirectories(work.resolve("demo/w3c/img"));
        withBinOnPath();
        HostProcess.Run run = script("25-dl-images.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        assertNoJava(run);
        HostProcess.Run done = host.command("$j = Get-BitsTransfer -Name myjob; $n = 0; "
                + "while ($j.JobState -ne 'Transferred' -and $n -lt 100) { Start-Sleep -Milliseconds 100; $n++ }; "
                + "\"$($j.Priority) $($j.FilesTotal)\"; Complete-BitsTransfer $j");
        assertThat(done.out().trim()).as(done.all()).isEqualTo("High 4");
        for (int i = 0; i < names.length; i++) {
            assertFetched(img.resolve(names[i]), rs.get(i));
        }
    }

    /** Folder copy: Get-ChildItem -Name -Directory -Recurse, then $Source\*.* and $Source\$i\*.* per folder. */
    @Test
    void poshCopiesAFolderTreeFolderByFolder() throws Exception {
        String[] files = {"a.txt", "sub1/b.txt", "sub1/deeper/c.txt", "sub2/d.bin"};
        tree(work.resolve("F"), files);
        Files.createDirectories(work.resolve("D"));
        HostProcess.Run run = script("26-posh-bitstransfer.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.err()).as(run.all()).isEmpty();
        sameTree(work.resolve("F"), work.resolve("D"), files);
    }

    /** A synchronous and an asynchronous download of the same file, then Start-Process of a Windows .exe. */
    @Test
    void c0mp4s5DownloadsThenCannotStartTheWindowsProgram() throws Exception {
        Resource r = file("putty.exe", 80_000);
        HostProcess.Run run = script("27-c0mp4s5-bitstransfer.ps1");
        assertFetched(work.resolve("putty.exe"), r);
        assertThat(run.err()).as(run.all()).contains("Start-Process: This command cannot be run due to the error: An error occurred")
                .contains("putty.exe").contains("Permission denied.");
        assertNoJava(run);
    }

    /** Copy-File: an MD5 of the names as job name, Get-BitsTransfer -Name on each poll (PowerShell 7), Complete-BitsTransfer. */
    @Test
    void updateInstallerCopyFileNamesTheJobByHash() throws Exception {
        Resource r = file("setup29.msi", 400_000).slow(2_000_000);
        HostProcess.Run run = library("29-update-installer-copy-file.ps1",
                "Copy-File -From '" + base + "/setup29.msi' -To '" + work.resolve("setup29.msi") + "'; 'copied'");
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).contains("copied");
        assertFetched(work.resolve("setup29.msi"), r);
    }

    /** As 26, from a share that is a local folder here. */
    @Test
    void millerCopiesTheShareFolderByFolder() throws Exception {
        String[] files = {"one.txt", "x/two.txt", "x/y/three.txt"};
        tree(work.resolve("SPB"), files);
        HostProcess.Run run = script("31-miller-folder-copy-v4.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        sameTree(work.resolve("SPB"), work.resolve("Base"), files);
    }

    /** Parses `bitsadmin /list /allusers /verbose` with -match and named groups into one object per job. */
    @Test
    void attckListsEveryJobFromBitsadminVerbose() throws Exception {
        assumeTrue(HostProcess.ROOT, "needs root: the script lists jobs with /allusers");
        wildCopy("adapted", "32-attck-bitsjobs.ps1");
        file("j1.bin", 5_000);
        HostProcess.Run setup = host.command("Start-BitsTransfer '" + base + "/j1.bin' '" + work.resolve("j1.bin")
                + "' -Asynchronous -DisplayName wild32a | Out-Null; Start-BitsTransfer '" + base + "/j1.bin' '"
                + work.resolve("j2.bin") + "' -Asynchronous -Suspended -DisplayName wild32b | Out-Null; 'ok'");
        assertThat(setup.out()).as(setup.all()).contains("ok");
        withBinOnPath();
        HostProcess.Run run = script("32-attck-bitsjobs.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).contains("Display          : 'wild32a'").contains("Display          : 'wild32b'")
                .contains("State            : SUSPENDED").contains("COMMAND          : none");
        long objects = run.out().lines().filter(l -> l.startsWith("GUID ")).count();
        long distinct = run.out().lines().filter(l -> l.startsWith("GUID ")).distinct().count();
        assertThat(objects).as(run.all()).isEqualTo(distinct).isGreaterThanOrEqualTo(2);
    }

    /** 51 numbered files; the base URL from TrimEnd("1.zip") (a character set, as in .NET). */
    @Test
    void flickrDownloadsTheNumberedArchives() throws Exception {
        String stem = "data_26100360_8d1fdb7b4d1b3f812f60832e903b62bba94d76dce68be80cc2ed5f10be0dbee7_";
        List<Resource> rs = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            rs.add(file("flickr/" + stem + i + ".zip", 1_000 + i));
        }
        Files.createDirectories(work.resolve("Pictures"));
        HostProcess.Run run = script("35-flickr-download-data.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        for (int i = 1; i <= 51; i++) {
            assertFetched(work.resolve("Pictures/" + i + ".zip"), rs.get(i - 1));
        }
    }

    /**
     * Ashley McGlone's loop: wait for Transferring, read BytesTotal once, poll BytesTransferred until it
     * reaches that total, complete, print TransferCompletionTime - CreationTime.
     */
    @Test
    void cythraultPollsUntilAllBytesArrive() throws Exception {
        Resource r = file("test.fil", 600_000).slow(300_000);
        Files.createDirectories(work.resolve("ops"));
        HostProcess.Run run = script("28-cythrault-bitstransfer.ps1");
        assertThat(run.code()).as(run.all()).isZero();
        assertFetched(work.resolve("ops/test.fil"), r);
        // After Complete-BitsTransfer the live job reads Acknowledged, as BITS' GetState does after Complete.
        assertThat(run.out()).as(run.all()).contains("Acknowledged - Total transfer time: 0 Minutes @ ");
        assertNoJava(run);
    }
}
