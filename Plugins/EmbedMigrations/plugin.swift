import Foundation
import PackagePlugin

/// Embeds the package's `sql/` migrations and `config/schemes/` scoring schemes into the target
/// as Swift string constants.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "ecpa-embed-sql").url
        return try [
            command(tool, context, folder: "sql", fileExtension: "sql", enumName: "EmbeddedMigrations"),
            command(tool, context, folder: "config/schemes", fileExtension: "toml", enumName: "EmbeddedSchemes"),
        ]
    }

    private func command(_ tool: URL, _ context: PluginContext, folder: String, fileExtension: String, enumName: String) throws -> Command {
        let directory = context.package.directoryURL.appending(path: folder)
        let files = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == fileExtension }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
        return .buildCommand(
            displayName: "Embedding \(files.count) files of \(folder)",
            executable: tool,
            arguments: [output.path, enumName] + files.map(\.path),
            inputFiles: files + [directory],
            outputFiles: [output]
        )
    }
}
