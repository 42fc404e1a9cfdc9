import Foundation

// Build tool: writes a Swift file that carries every migration in sql/ as text, so the installed
// `ecpa` binary can migrate a database without the source tree.
// Usage: ecpa-embed-sql OUTPUT.swift FILE.sql...
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: ecpa-embed-sql OUTPUT.swift FILE.sql...\n".utf8))
    exit(64)
}
var swift = "// Generated at build time from sql/ by ecpa-embed-sql. Do not edit.\n\n"
swift += "enum EmbeddedMigrations {\n    static let files: [(name: String, sql: String)] = [\n"
for path in arguments.dropFirst().sorted(by: { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }) {
    let name = (path as NSString).lastPathComponent
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    swift += "        (\(String(reflecting: name)), \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
swift += "    ]\n}\n"
try swift.write(toFile: output, atomically: true, encoding: .utf8)
