package org.civicledger.app;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicledger.bench.simulator.BenchSigner;

/**
 * A bench speaking MQTT 5, which the Vert.x client of {@link SimulatedBench} does not: Netty's own MQTT
 * codec over one connection, with just what a bench does (connect, follow its rejections, publish at QoS 1
 * and wait for the PUBACK).
 */
final class Mqtt5Bench implements AutoCloseable {

    final String benchId;
    final BenchSigner signer;
    final List<String> rejections = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final CompletableFuture<MqttProperties> connack = new CompletableFuture<>();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final CompletableFuture<Void> lost = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<Void>> acknowledgements = new ConcurrentHashMap<>();
    private final AtomicInteger packetIds = new AtomicInteger();
    private Channel channel;

    Mqtt5Bench(String benchId) {
        this.benchId = benchId;
        this.signer = BenchSigner.withNewKey(benchId);
    }

    /** Connects with MQTT 5 and subscribes to the bench's rejections. */
    Mqtt5Bench connect(int port) throws Exception {
        channel = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new MqttDecoder(1 << 20), MqttEncoder.INSTANCE, new Inbound());
            }
        }).connect("127.0.0.1", port).sync().channel();
        channel.writeAndFlush(MqttMessageBuilders.connect().clientId(benchId).protocolVersion(MqttVersion.MQTT_5)
                .cleanSession(true).keepAlive(30).build());
        connack.get(10, TimeUnit.SECONDS);
        channel.writeAndFlush(MqttMessageBuilders.subscribe().messageId(nextPacketId())
                .addSubscription(MqttQoS.AT_LEAST_ONCE, "benches/" + benchId + "/rejections").build());
        subscribed.get(10, TimeUnit.SECONDS);
        return this;
    }

    /** The Maximum Packet Size the server announced in its CONNACK, or null if it announced none. */
    Integer maximumPacketSize() throws Exception {
        MqttProperties.MqttProperty<?> size = connack.get(10, TimeUnit.SECONDS)
                .getProperty(MqttProperties.MqttPropertyType.MAXIMUM_PACKET_SIZE.value());
        return size == null ? null : (Integer) size.value();
    }

    /** Publishes at QoS 1 and waits for the PUBACK; false if the connection was lost first or none came in time. */
    boolean publish(String kind, String jws) throws Exception {
        int packetId = nextPacketId();
        CompletableFuture<Void> acknowledged = acknowledgements.computeIfAbsent(packetId, k -> new CompletableFuture<>());
        channel.writeAndFlush(MqttMessageBuilders.publish().topicName("benches/" + benchId + "/" + kind)
                .qos(MqttQoS.AT_LEAST_ONCE).messageId(packetId)
                .payload(Unpooled.wrappedBuffer(jws.getBytes(StandardCharsets.US_ASCII))).build());
        try {
            return !"lost".equals(CompletableFuture.anyOf(acknowledged, lost.thenApply(v -> "lost")).get(15, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    boolean connected() {
        return channel != null && channel.isActive();
    }

    private int nextPacketId() {
        return packetIds.incrementAndGet() % 65_535 + 1;
    }

    /** What the server sends: CONNACK, SUBACK, PUBACKs, and the rejections (acknowledged in turn). */
    private final class Inbound extends SimpleChannelInboundHandler<MqttMessage> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
            MqttMessageType type = message.fixedHeader().messageType();
            if (type == MqttMessageType.CONNACK) {
                connack.complete(((MqttConnAckMessage) message).variableHeader().properties());
            } else if (type == MqttMessageType.SUBACK) {
                subscribed.complete(null);
            } else if (type == MqttMessageType.PUBACK) {
                int packetId = ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
                acknowledgements.computeIfAbsent(packetId, k -> new CompletableFuture<>()).complete(null);
            } else if (type == MqttMessageType.PUBLISH) {
                MqttPublishMessage publish = (MqttPublishMessage) message;
                rejections.add(publish.payload().toString(StandardCharsets.UTF_8));
                if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
                    ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build());
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            lost.complete(null);
        }
    }

    @Override
    public void close() {
        if (connected()) {
            channel.writeAndFlush(MqttMessage.DISCONNECT).awaitUninterruptibly(2, TimeUnit.SECONDS);
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
