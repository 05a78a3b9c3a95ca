package com.activitytracker.app.view;

import com.activitytracker.app.model.SettingsModel;
import java.io.File;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The Kafka settings dialog. "Apply" asks the model to validate (off the FX thread); a refused value
 * keeps the dialog open with the reason, an accepted one closes it while the engine restarts.
 */
public final class SettingsDialog {
    public static final ButtonType APPLY = new ButtonType("Apply and restart", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public SettingsDialog(SettingsModel model, Window owner) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Kafka settings");
        dialog.setHeaderText("Which Kafka cluster the console streams through");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().getStyleClass().add("settings-dialog");
        dialog.getDialogPane().setId("settings-dialog");

        TextField bootstrap = field("bootstrap-field", "empty: the embedded broker");
        bootstrap.textProperty().bindBidirectional(model.bootstrapServersProperty());
        TextField topic = field("topic-field", "user-activities");
        topic.textProperty().bindBidirectional(model.activitiesTopicProperty());
        TextField clientConfig = field("client-config-field", "optional: SASL/SSL client .properties");
        clientConfig.textProperty().bindBidirectional(model.clientConfigProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Kafka client properties");
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter("Properties", "*.properties", "*.conf", "*"));
            File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                model.clientConfigProperty().set(file.getAbsolutePath());
            }
        });
        HBox.setHgrow(clientConfig, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        grid.addRow(0, Styles.label("Bootstrap servers", "field-label"), bootstrap);
        grid.addRow(1, Styles.label("Activities topic", "field-label"), topic);
        grid.addRow(2, Styles.label("Client properties", "field-label"), new HBox(6, clientConfig, browse));

        Label error = Styles.label("", "error-text");
        error.setId("settings-error");
        error.setWrapText(true);
        error.setMaxWidth(480);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Label hint = Styles.label(
                "Leave the bootstrap servers empty to run the embedded broker. Applying stops "
                        + "the engine and starts it again with these settings.",
                "muted",
                "small");
        hint.setWrapText(true);
        hint.setMaxWidth(480);
        dialog.getDialogPane().setContent(new VBox(10, grid, hint, new HBox(8, busy, error)));

        dialog.getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CANCEL);
        Button apply = (Button) dialog.getDialogPane().lookupButton(APPLY);
        apply.setId("settings-apply");
        apply.disableProperty().bind(model.busyProperty());
        apply.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the model decides, asynchronously, whether the dialog closes
            model.apply();
        });
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setId("settings-cancel");
        model.appliedProperty().addListener((obs, was, applied) -> {
            if (applied) {
                dialog.setResult(APPLY);
                dialog.close();
            }
        });
    }

    public void show() {
        dialog.show();
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(28);
        return f;
    }
}
