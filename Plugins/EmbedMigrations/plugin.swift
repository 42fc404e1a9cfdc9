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
        let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
        // The tool lists the folder itself when it runs; the folder as an input makes a file
        // added or removed there rerun it, the files as inputs make an edit rerun it.
        return .buildCommand(
            displayName: "Embedding the .\(fileExtension) files of \(folder)",
            executable: tool,
            arguments: [output.path, enumName, directory.path, fileExtension],
            inputFiles: [directory] + files,
            outputFiles: [output]
        )
    }
}
