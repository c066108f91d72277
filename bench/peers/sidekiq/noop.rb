# The Sidekiq peer of `fleet-bench sidekiq`: a no-op worker. Each process notes, inside itself,
# when its first job started and its last one finished (CLOCK_MONOTONIC, one clock for every
# process of the machine), how many it ran and the CPU it used from its first job on; it writes
# them to $PEER_OUT/<pid>.txt when it exits (SIGTERM: Sidekiq finishes what it runs first).
require 'sidekiq'
# Debian pairs sidekiq 6.4 with redis-rb 4.8, which warns on every fetch: silenced, so the peer
# is not charged for a packaging mismatch.
Redis.silence_deprecations = true if Redis.respond_to?(:silence_deprecations=)

REDIS_URL = ENV.fetch('PEER_REDIS_URL')
Sidekiq.configure_server do |c|
  c.redis = { url: REDIS_URL }
  c.logger.level = Logger::WARN
end
Sidekiq.configure_client { |c| c.redis = { url: REDIS_URL } }

module Probe
  LOCK = Mutex.new
  @count = 0
  @first = nil
  @last = nil
  @cpu0 = nil
  def self.now = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  def self.cpu = Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
  def self.ran(started)
    LOCK.synchronize do
      if @first.nil?
        @first = started
        @cpu0 = cpu
      end
      @count += 1
      @last = now
    end
  end
  def self.report
    return unless ENV['PEER_OUT'] && @first
    File.write(File.join(ENV['PEER_OUT'], "#{Process.pid}.txt"),
               format("first=%.6f last=%.6f jobs=%d cpu=%.6f\n", @first, @last, @count, cpu - @cpu0))
  end
end
at_exit { Probe.report }

class NoopWorker
  include Sidekiq::Worker
  def perform(_i)
    Probe.ran(Probe.now)
  end
end
