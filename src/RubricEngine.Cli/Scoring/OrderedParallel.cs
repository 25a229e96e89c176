namespace RubricEngine.Cli.Scoring;

/// <summary>
/// Runs work on all cores and hands back the results in the order the work was given, as soon as each one's turn
/// comes. At most <c>window</c> results wait at once, so memory stays flat however many files a county has.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>A few items per core keep every core busy while the head of the queue finishes.</summary>
    public static int DefaultWindow => Environment.ProcessorCount * 4;

    public static IEnumerable<T> Run<T>(IEnumerable<Func<T>> work, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var running = new Queue<Task<T>>();
        foreach (var item in work)
        {
            running.Enqueue(Task.Run(item));
            if (running.Count >= window)
            {
                yield return running.Dequeue().GetAwaiter().GetResult();
            }
        }

        while (running.Count > 0)
        {
            yield return running.Dequeue().GetAwaiter().GetResult();
        }
    }
}
