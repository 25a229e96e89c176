using System.Text;
using RubricEngine.Cli;

Console.OutputEncoding = Encoding.UTF8;
return CliApp.Run(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
