package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Path;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** Write-Error fills the ErrorRecord's CategoryInfo and ErrorDetails as PowerShell 7 does. */
class WriteErrorCategoryInfoTest {
    private static ErrorRecord write(Object... args) {
        TestHost host = new TestHost(Path.of("."), null);
        host.run(cmd("Write-Error", args));
        return host.errors.get(0);
    }

    @Test
    void categoryInfoIsDerivedAsPowerShellDoes() {
        ErrorRecord r = write("disk full", p("Category", "WriteError"), p("TargetObject", "/data/f.iso"));
        Object info = Members.getProperty(r, "CategoryInfo");
        assertThat(info).hasToString("WriteError: (/data/f.iso:String) [Write-Error], WriteErrorException");
        assertThat(Members.getProperty(info, "Category")).isEqualTo("WriteError");
        assertThat(Members.getProperty(r, "FullyQualifiedErrorId")).isEqualTo("Microsoft.PowerShell.Commands.WriteErrorException,Write-Error");
        assertThat(Members.getProperty(r, "ErrorDetails")).isNull();
        assertThat(write("plain").categoryInfo()).hasToString("NotSpecified: (:) [Write-Error], WriteErrorException");
    }

    @Test
    void theCategoryParametersOverrideEachPart() {
        ErrorRecord r = write("no such job", p("Category", "ObjectNotFound"), p("Activity", "Get-Job"),
                p("Reason", "JobMissing"), p("CategoryTargetName", "job-7"), p("TargetType", "BitsJob"));
        assertThat(r.categoryInfo()).hasToString("ObjectNotFound: (job-7:BitsJob) [Get-Job], JobMissing");
        assertThat(Members.getProperty(Members.getProperty(r, "CategoryInfo"), "Reason")).isEqualTo("JobMissing");
    }

    @Test
    void recommendedActionGoesToErrorDetails() {
        ErrorRecord r = write("quota exceeded", p("Category", "QuotaExceeded"), p("RecommendedAction", "Free some space."));
        Object details = Members.getProperty(r, "ErrorDetails");
        assertThat(Members.getProperty(details, "RecommendedAction")).isEqualTo("Free some space.");
        assertThat(Members.getProperty(details, "Message")).isEqualTo("quota exceeded");
        assertThat(r.message()).isEqualTo("quota exceeded");
    }
}
