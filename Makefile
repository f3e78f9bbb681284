# Used by `sam build` (Metadata BuildMethod: makefile, CodeUri: .): SAM runs
# `make --makefile <repo>/Makefile build-<LogicalId>` once per function with ARTIFACTS_DIR set.
# Maven runs in the repository this Makefile lives in (not SAM's scratch copy) and only when a pom
# or a main source changed since the last package, so the second and third targets reuse the build.
# The Lambda Java runtime puts every lib/*.jar on the classpath.

ROOT := $(patsubst %/,%,$(dir $(abspath $(firstword $(MAKEFILE_LIST)))))
MVN ?= mvn
STAMP := $(ROOT)/target/sam-package.stamp
JARS := $(ROOT)/functions/scim-api/target/function.jar \
        $(ROOT)/functions/admin-api/target/function.jar \
        $(ROOT)/functions/stream-processor/target/function.jar \
        $(ROOT)/functions/directory-sync/target/function.jar
SOURCES := $(shell find $(ROOT) \( -name target -o -name .aws-sam -o -name .git -o -name node_modules \) -prune \
             -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -print)

.PHONY: build-ScimApiFunction build-AdminApiFunction build-StreamFunction build-StreamRedriveFunction build-ReconcileFunction build-WebhookDeliveryFunction build-DirectorySyncFunction run

# The embedded stack (README, "Two commands"): builds infrastructure/target/scim-local.jar and starts it.
# Reads PORT, SCIM_ADMIN_TOKEN and SCIM_DATA_DIR; `make run ARGS=--in-memory` keeps nothing on disk.
run:
	cd $(ROOT) && $(MVN) -q -DskipTests package -pl infrastructure/local-stack -am
	java -jar $(ROOT)/infrastructure/target/scim-local.jar $(ARGS)

# A missing jar means the stamp cannot be trusted.
ifneq ($(filter-out $(wildcard $(JARS)),$(JARS)),)
.PHONY: $(STAMP)
endif

$(STAMP): $(SOURCES)
	cd $(ROOT) && $(MVN) -q -DskipTests package
	@mkdir -p $(@D) && touch $@

# $(call ship,<module>): copies that module's function.jar where SAM packages the function from.
define ship
	@test -n "$(ARTIFACTS_DIR)" || { echo 'ARTIFACTS_DIR is not set: run sam build' >&2; exit 1; }
	mkdir -p $(ARTIFACTS_DIR)/lib
	cp $(ROOT)/functions/$(1)/target/function.jar $(ARTIFACTS_DIR)/lib/
endef

build-ScimApiFunction: $(STAMP)
	$(call ship,scim-api)

build-AdminApiFunction: $(STAMP)
	$(call ship,admin-api)

build-StreamFunction: $(STAMP)
	$(call ship,stream-processor)

# The redrive, reconcile and webhook delivery functions ship the stream function's jar (their
# handlers are in it).
build-StreamRedriveFunction: $(STAMP)
	$(call ship,stream-processor)

build-ReconcileFunction: $(STAMP)
	$(call ship,stream-processor)

build-WebhookDeliveryFunction: $(STAMP)
	$(call ship,stream-processor)

build-DirectorySyncFunction: $(STAMP)
	$(call ship,directory-sync)
