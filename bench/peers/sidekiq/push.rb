# Pushes N NoopWorker jobs with Sidekiq::Client.push_bulk, 1,000 per call; prints
# "jobs=<n> secs=<s>".
require_relative 'noop'
n = Integer(ARGV.fetch(0))
t0 = Probe.now
(0...n).step(1000) do |i|
  Sidekiq::Client.push_bulk('class' => NoopWorker, 'args' => (i...[i + 1000, n].min).map { |j| [j] })
end
printf("jobs=%d secs=%.6f\n", n, Probe.now - t0)
