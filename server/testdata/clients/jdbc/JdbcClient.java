// pgjdbc against martdb: DatabaseMetaData as BI tools read it, a prepared
// statement run often enough that the driver switches to a named
// server-side statement, a fetch size with autocommit off (a portal read
// in batches), and isValid.
import java.sql.*;
import java.util.*;

public class JdbcClient {
    public static void main(String[] args) throws Exception {
        try (Connection conn = DriverManager.getConnection(args[0], "analyst", "")) {
            DatabaseMetaData md = conn.getMetaData();
            System.out.println("product " + md.getDatabaseProductName() + " " + md.getDatabaseMajorVersion());
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) schemas.add(rs.getString("TABLE_SCHEM"));
            }
            System.out.println("schemas " + schemas);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
            }
            System.out.println("tables " + tables);
            List<String> cols = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "public", "orders", "%")) {
                while (rs.next()) cols.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME") + ":" + rs.getInt("DATA_TYPE"));
            }
            System.out.println("columns " + cols);
            int pks = 0;
            try (ResultSet rs = md.getPrimaryKeys(null, "public", "orders")) {
                while (rs.next()) pks++;
            }
            System.out.println("primary keys " + pks);
            boolean int4 = false;
            try (ResultSet rs = md.getTypeInfo()) {
                while (rs.next()) int4 |= "int4".equals(rs.getString("TYPE_NAME"));
            }
            System.out.println("type info has int4 " + int4);

            long sum = 0;
            try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM orders WHERE order_id <= ?")) {
                for (int i = 1; i <= 10; i++) {
                    ps.setInt(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        sum += rs.getLong(1);
                    }
                }
            }
            System.out.println("prepared x10 sum " + sum);

            conn.setAutoCommit(false);
            long total = 0;
            int rows = 0;
            try (Statement st = conn.createStatement()) {
                st.setFetchSize(100);
                try (ResultSet rs = st.executeQuery("SELECT i FROM range(1000) t(i)")) {
                    while (rs.next()) {
                        total += rs.getLong(1);
                        rows++;
                    }
                }
            }
            conn.commit();
            System.out.println("fetch size rows " + rows + " sum " + total);
            conn.setAutoCommit(true);
            System.out.println("valid " + conn.isValid(5));
        }
    }
}
