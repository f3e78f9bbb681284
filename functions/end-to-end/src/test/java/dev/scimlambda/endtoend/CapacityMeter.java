package dev.scimlambda.endtoend;

import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** Asks every DynamoDB call for its consumed capacity and adds it up, reads and writes apart (as bench/capacity-units does). */
final class CapacityMeter implements ExecutionInterceptor {

  record Totals(double read, double write) {}

  private double read;
  private double write;

  synchronized Totals reset() {
    Totals totals = new Totals(read, write);
    read = 0;
    write = 0;
    return totals;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof GetItemRequest r) return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    if (request instanceof QueryRequest r) return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    if (request instanceof PutItemRequest r) return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    if (request instanceof UpdateItemRequest r) return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    if (request instanceof DeleteItemRequest r) return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    if (request instanceof TransactWriteItemsRequest r) return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    if (request instanceof BatchWriteItemRequest r) return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    if (request instanceof BatchGetItemRequest r) return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    return request;
  }

  @Override
  public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Object response = context.response();
    if (response instanceof GetItemResponse r) read += units(r.consumedCapacity());
    if (response instanceof QueryResponse r) read += units(r.consumedCapacity());
    if (response instanceof PutItemResponse r) write += units(r.consumedCapacity());
    if (response instanceof UpdateItemResponse r) write += units(r.consumedCapacity());
    if (response instanceof DeleteItemResponse r) write += units(r.consumedCapacity());
    if (response instanceof TransactWriteItemsResponse r) write += units(r.consumedCapacity());
    if (response instanceof BatchWriteItemResponse r) write += units(r.consumedCapacity());
    if (response instanceof BatchGetItemResponse r) read += units(r.consumedCapacity());
  }

  private static double units(ConsumedCapacity capacity) {
    return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
  }

  private static double units(List<ConsumedCapacity> capacities) {
    return capacities == null ? 0 : capacities.stream().mapToDouble(CapacityMeter::units).sum();
  }
}
