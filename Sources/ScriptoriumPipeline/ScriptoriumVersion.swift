/// The version of Scriptorium written into every TEI header's `appInfo`.
public enum ScriptoriumVersion {
    public static let current = "0.1.0"
}
