package org.drizzle.cmdlets.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MembersTest {
    public record FileRow(String localName, long bytesTotal) {
    }

    public record Job(String displayName, List<FileRow> fileList) {
    }

    /** A live object: every read sees the current counter. */
    static final class LiveJob implements PropertyBag {
        final AtomicInteger bytes = new AtomicInteger();

        @Override
        public List<String> propertyNames() {
            return List.of("BytesTransferred");
        }

        @Override
        public boolean hasProperty(String name) {
            return name.equalsIgnoreCase("BytesTransferred");
        }

        @Override
        public Object getProperty(String name) {
            return hasProperty(name) ? bytes.get() : null;
        }
    }

    @Test
    void recordPropertiesIgnoreCaseAndMissingIsNull() {
        Job job = new Job("nightly", List.of(new FileRow("/tmp/a", 1), new FileRow("/tmp/b", 2)));
        assertThat(Members.getProperty(job, "DISPLAYNAME")).isEqualTo("nightly");
        assertThat(Members.getProperty(job, "Id")).isNull();
        assertThat(Members.propertyNames(job)).containsExactly("DisplayName", "FileList");
        assertThat(Members.hasProperty(job, "id")).isFalse();
    }

    @Test
    void memberEnumerationOverCollections() {
        Job j1 = new Job("a", List.of(new FileRow("/tmp/a", 1), new FileRow("/tmp/b", 2)));
        Job j2 = new Job("b", List.of(new FileRow("/tmp/c", 3)));
        assertThat(Members.getProperty(List.of(j1, j2), "DisplayName")).isEqualTo(List.of("a", "b"));
        assertThat(Members.getProperty(j1, "FileList")).isInstanceOf(List.class);
        assertThat(Members.getProperty(Members.getProperty(List.of(j1, j2), "FileList"), "LocalName"))
                .isEqualTo(List.of("/tmp/a", "/tmp/b", "/tmp/c"));
        assertThat(Members.getProperty(List.of(j2), "displayname")).isEqualTo("b");
        assertThat(Members.getProperty(List.of(j1, j2), "Count")).isEqualTo(2);
    }

    @Test
    void liveBagsAreReadOnEveryAccess() {
        LiveJob job = new LiveJob();
        assertThat(Members.getProperty(job, "bytestransferred")).isEqualTo(0);
        job.bytes.set(4096);
        assertThat(Members.getProperty(job, "BytesTransferred")).isEqualTo(4096);
        assertThatThrownBy(() -> Members.setProperty(job, "BytesTransferred", 1)).hasMessageContaining("ReadOnly");
    }

    @Test
    void hashtablesAndCustomObjects() {
        Hashtable h = new Hashtable();
        h.put("Name", "x");
        assertThat(Members.getProperty(h, "name")).isEqualTo("x");
        assertThat(Members.getProperty(h, "Count")).isEqualTo(1);
        Members.setProperty(h, "NAME", "y");
        assertThat(h).hasSize(1).containsEntry("Name", "y");
        PSCustomObject o = PSCustomObject.of(h);
        o.setProperty("Size", 3);
        assertThat(o.propertyNames()).containsExactly("Name", "Size");
        assertThat(o.toString()).isEqualTo("@{Name=y; Size=3}");
    }

    @Test
    void stringAndCollectionMethods() {
        assertThat(Members.invokeMethod("  a,b ", "Trim", List.of())).isEqualTo("a,b");
        assertThat(Members.invokeMethod("a,b;c", "split", List.of(",;"))).isEqualTo(List.of("a", "b", "c"));
        assertThat(Members.invokeMethod("abc", "Substring", List.of(1, 1))).isEqualTo("b");
        assertThat(Members.invokeMethod("7", "PadLeft", List.of(3, "0"))).isEqualTo("007");
        assertThat(Members.invokeMethod("Abc", "StartsWith", List.of("A"))).isEqualTo(true);
        assertThat(Members.invokeMethod(List.of("a"), "Contains", List.of("a"))).isEqualTo(true);
        List<Object> list = new ArrayList<>();
        Members.invokeMethod(list, "Add", List.of(5));
        assertThat(list).containsExactly(5);
        assertThat(Members.invokeMethod(new StringBuilder("ab"), "reverse", List.of()).toString()).isEqualTo("ba");
        assertThatThrownBy(() -> Members.invokeMethod("x", "Frobnicate", List.of()))
                .hasMessageContaining("does not contain a method named 'Frobnicate'");
        assertThatThrownBy(() -> Members.invokeMethod(null, "Trim", List.of())).hasMessageContaining("null-valued");
    }
}
