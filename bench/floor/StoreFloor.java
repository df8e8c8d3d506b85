import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The least a one-shot Get-BitsTransfer without a service must do, with none of Drizzle's code:
 * open the job store through sqlite-jdbc, read every job's record and print the jobs as JSON
 * through Jackson. bench/user-path.sh times it in a cold JVM started as bin/drizzle starts one
 * (same flags, its own AppCDS archive), beside java -version.
 * Usage: StoreFloor path/to/jobs.db
 */
public final class StoreFloor {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode jobs = json.createArrayNode();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + args[0] + "?mode=ro");
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT data FROM jobs ORDER BY sequence")) {
            while (rows.next()) {
                jobs.add(json.readTree(rows.getString(1)));
            }
        }
        System.out.println(json.writeValueAsString(jobs));
    }
}
